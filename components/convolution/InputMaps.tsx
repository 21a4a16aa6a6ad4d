import { useMemo } from 'preact/hooks';
import { makePicture, type Picture } from '../../lib/course/convolution';
import type { Cell } from '../sliding-window/grid-keys';
import { gridTable, planesTable } from '../charts/chart-table';
import type { Paint } from '../charts/paint';
import { PixelMap, type Mark } from '../charts/PixelMap';
import { ExportFrame } from '../charts/ExportFrame';
import { CHANNEL_NAMES } from './KernelEditor';

interface Props {
  input: Picture;
  /** Zero padding p, drawn as a ring around the image. */
  padding: number;
  marks: readonly Mark[];
  span: { row: number; col: number; size: number } | undefined;
  /** Width available, in CSS pixels. */
  width: number;
  onPick(cell: Cell): void;
  /** A sentence describing the window's place, for the accessible name. */
  windowText: string;
}

const MAX_CELL = 14;
const GRAY: Paint = { kind: 'gray' };
const RGB: Paint = { kind: 'rgb' };
// Each colour channel in its own primary: these colours are data (what the channel means), not theme.
const TINTS: readonly Paint[] = [
  { kind: 'tint', colour: [255, 64, 64] },
  { kind: 'tint', colour: [64, 220, 64] },
  { kind: 'tint', colour: [80, 130, 255] },
];

/** The input image with its padding ring and the sliding window; for colour input, also its three channels. */
export function InputMaps({ input, padding, marks, span, width, onPick, windowText }: Props) {
  const outer = input.width + 2 * padding;
  const cell = Math.min(MAX_CELL, width / outer);
  const planes = useMemo(
    () =>
      input.channels === 3
        ? [0, 1, 2].map((c) => makePicture(1, input.height, input.width, (_, r, col) => input.data[(c * input.height + r) * input.width + col] ?? 0))
        : [],
    [input],
  );
  const planeCell = Math.min(MAX_CELL / 2, (width - 16) / 3 / outer);
  const kind = input.channels === 3 ? 'colour' : 'grayscale';
  return (
    <div class="input-maps">
      <ExportFrame
        class="input-maps__image"
        style={{ width: `${outer * cell}px`, maxWidth: '100%' }}
        caption={
          <span class="map-title">
            Input <var>x</var>: {input.channels} × {input.height} × {input.width}
            {padding > 0 ? `, padded by ${padding}` : ''}
          </span>
        }
        name="Input image"
        title={`Input image x, ${input.channels} × ${input.height} × ${input.width}`}
        exportData={() => planesTable(input.data, input.channels === 3 ? CHANNEL_NAMES.slice(0, 3) : [undefined], input.height, input.width, 0)}
      >
        <PixelMap
          values={input.data}
          height={input.height}
          width={input.width}
          paint={input.channels === 3 ? RGB : GRAY}
          cell={cell}
          pad={padding}
          marks={marks}
          {...(span ? { span } : {})}
          onPick={onPick}
          label={`Input image, ${kind}, ${input.height} by ${input.width} pixels${padding > 0 ? ` with ${padding} pixels of zero padding around it` : ''}. ${windowText}`}
        />
      </ExportFrame>
      {planes.length > 0 && (
        <div class="input-maps__planes">
          {planes.map((plane, c) => (
            <ExportFrame
              key={c}
              class="input-maps__plane"
              style={{ width: `${outer * planeCell}px` }}
              caption={`Channel ${CHANNEL_NAMES[c]}`}
              name={`Input channel ${CHANNEL_NAMES[c]}`}
              title={`Input channel ${CHANNEL_NAMES[c]}`}
              exportData={() => gridTable(plane.data, plane.height, plane.width, 0)}
            >
              <PixelMap values={plane.data} height={plane.height} width={plane.width} paint={TINTS[c] ?? GRAY} cell={planeCell} pad={padding} marks={marks} {...(span ? { span } : {})} />
            </ExportFrame>
          ))}
        </div>
      )}
    </div>
  );
}
