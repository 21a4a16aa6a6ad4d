import { useEffect, useMemo, useState } from 'preact/hooks';
import { withChannels } from '../../lib/course/convolution';
import { samplePicture } from '../../lib/course/convolution';
import { windowBreakdown, windowOrigin, type ConvSpec } from '../../lib/course/convolution';
import { withInChannels, withKernelSize, withOutChannels } from '../../lib/course/convolution';
import { gridSize } from '../../lib/ml/shapes';
import type { UrlNotice } from '../../lib/common';
import { useElementWidth } from '../charts/useElementWidth';
import { clampCell, type Cell } from '../sliding-window/grid-keys';
import type { Mark } from '../charts/PixelMap';
import { EngineError, Problem } from '../sliding-window/Problem';
import { usePrefixedUrlState } from '../sliding-window/usePrefixedUrlState';
import { Notices } from '../widget-kit/Notices';
import { Slider } from '../widget-kit/Slider';
import { Toolbar } from '../widget-kit/Toolbar';
import { useJob } from '../widget-kit/useJob';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import type { ConvolveParams, ConvolveResult } from '../../lib/course/convolution';
import { ImagePicker } from './ImagePicker';
import { InputMaps } from './InputMaps';
import { channelName, KernelEditor } from './KernelEditor';
import { LayerSummary } from './LayerSummary';
import { convSchema, inChannelsOf, layerOf, LIMITS, VARIANTS, type VariantName } from './model';
import { OutputMaps } from './OutputMaps';
import { OutputTable } from './OutputTable';
import type { LoadedImage } from './read-image';
import { StepThrough } from './StepThrough';
import { formatDecimals } from '../../lib/common';
import '../sliding-window/sliding-window.css';
import './convolution.css';

interface Props {
  /** Which copy: 'gray' (a digit, one filter) or 'rgb' (coloured shapes, two filters, URL names prefixed "rgb-"). */
  variant?: VariantName;
}

/** The convolution island: an image, a layer's filters and settings, the feature maps, and the sliding window taken apart. */
export default function Convolution({ variant = 'gray' }: Props) {
  return (
    <WidgetBoundary name="convolution widget">
      <ConvolutionView variant={variant} />
    </WidgetBoundary>
  );
}

const SCHEMAS = { gray: convSchema(VARIANTS.gray), rgb: convSchema(VARIANTS.rgb) };

function createConvolveWorker(): Worker {
  return new Worker(new URL('./convolve.worker.ts', import.meta.url), { type: 'module' });
}

function ConvolutionView({ variant }: { variant: VariantName }) {
  const v = VARIANTS[variant];
  const schema = SCHEMAS[variant];
  const { values, update, reset, notices, dismissNotices } = usePrefixedUrlState(schema, v.prefix);
  const [upload, setUpload] = useState<{ image: LoadedImage; serial: number }>();
  const [layerNotices, setLayerNotices] = useState<UrlNotice[]>([]);
  // Until measured (and in the server's HTML) draw for a phone, so nothing overflows before hydration.
  const [ref, width] = useElementWidth<HTMLDivElement>(300);

  const layer = useMemo(() => layerOf(values, schema, v.prefix), [values, schema, v.prefix]);
  useEffect(() => {
    // Weights from the link that do not fit the layer: say so once, and store the replacement.
    if (layer.notices.length === 0) return;
    setLayerNotices((old) => [...old, ...layer.notices.map((message, i) => ({ name: `${v.prefix}layer-${old.length + i}`, raw: '', message }))]);
    update({ w: [...layer.weights], b: [...layer.bias] });
  }, [layer, update, v.prefix]);

  const { shape } = layer;
  const spec: ConvSpec = { kernel: values.k, stride: values.s, padding: values.p, dilation: values.d };
  const source = upload?.image.picture ?? samplePicture(values.img);
  const input = useMemo(() => withChannels(source, inChannelsOf(values.ch)), [source, values.ch]);
  const size = gridSize(input.height, input.width, spec);
  const filter = Math.min(values.f, shape.outChannels - 1);
  const channel = Math.min(values.c, shape.inChannels - 1);

  const key = JSON.stringify([upload ? `upload-${upload.serial}` : values.img, values.ch, spec, layer.weights, layer.bias]);
  const request = useMemo(
    (): ConvolveParams => ({ key, input, weights: Float64Array.from(layer.weights), bias: Float64Array.from(layer.bias), spec }),
    // The key names every input of the request.
    [key],
  );
  const job = useJob<ConvolveParams, never, ConvolveResult>(createConvolveWorker, 'latest-wins', { request: { params: request, key } });
  const fresh = job.result?.key === key ? job.result : undefined;

  const twoColumns = width >= 620;
  const column = twoColumns ? (width - 24) / 2 : width;
  const outH = size.ok ? size.height.size : 0;
  const outW = size.ok ? size.width.size : 0;
  const at = clampCell({ row: values.row, col: values.col }, outH, outW);
  const breakdown = size.ok ? windowBreakdown(input, layer.weights, layer.bias, spec, filter, at.row, at.col) : undefined;
  const engineValue = fresh?.data[(filter * outH + at.row) * outW + at.col];
  const span = spec.dilation * (spec.kernel - 1) + 1;
  const origin = windowOrigin(spec, at.row, at.col);
  const marks: Mark[] = (breakdown?.channels[0]?.terms ?? []).map((t) => ({ row: t.row, col: t.col, kind: t.inside ? 'window' : 'padding' }));
  const channelNames = Array.from({ length: shape.inChannels }, (_, c) => channelName(shape, c));
  const windowText = `The window for output row ${at.row}, column ${at.col} covers input rows ${origin.row} to ${origin.row + span - 1} and columns ${origin.col} to ${origin.col + span - 1}.`;
  const valueText = `Filter ${filter}, row ${at.row}, column ${at.col} of ${outH} × ${outW}: y = ${engineValue === undefined ? 'computing' : formatDecimals(engineValue)}`;

  const select = (f: number, cell: Cell): void => {
    const c = clampCell(cell, outH, outW);
    update({ f, row: c.row, col: c.col });
  };
  const pickInput = (cell: Cell): void => {
    // The output cell whose window is centred nearest the pressed pixel.
    const centre = (span - 1) / 2;
    select(filter, { row: Math.round((cell.row + spec.padding - centre) / spec.stride), col: Math.round((cell.col + spec.padding - centre) / spec.stride) });
  };

  return (
    <div class="conv" ref={ref}>
      <Notices notices={[...notices, ...layerNotices]} onDismiss={() => (dismissNotices(), setLayerNotices([]))} />
      <ImagePicker
        sample={values.img}
        upload={upload?.image}
        mode={values.ch}
        onSample={(img) => (setUpload(undefined), update({ img }))}
        onUpload={(image) => setUpload((u) => ({ image, serial: (u?.serial ?? 0) + 1 }))}
        onMode={(ch) => update({ ch, c: 0, w: withInChannels(layer.weights, shape, inChannelsOf(ch)) })}
      />

      <div class="conv__settings">
        <Slider
          label="Kernel size k"
          min={1}
          max={LIMITS.kernel}
          step={1}
          value={values.k}
          format={(k) => `${k} × ${k}`}
          onInput={(k) => update({ k, w: withKernelSize(layer.weights, shape, k) })}
        />
        <Slider label="Stride s" min={1} max={LIMITS.stride} step={1} value={values.s} onInput={(s) => update({ s })} />
        <Slider label="Padding p" min={0} max={LIMITS.padding} step={1} value={values.p} onInput={(p) => update({ p })} />
        <Slider label="Dilation d" min={1} max={LIMITS.dilation} step={1} value={values.d} onInput={(d) => update({ d })} />
        <Slider
          label="Filters (out_channels)"
          min={1}
          max={LIMITS.filters}
          step={1}
          value={shape.outChannels}
          onInput={(cout) =>
            update({ cout, w: withOutChannels(layer.weights, shape, cout), b: Array.from({ length: cout }, (_, f) => layer.bias[f] ?? 0) })
          }
        />
      </div>

      <KernelEditor
        shape={shape}
        weights={layer.weights}
        bias={layer.bias}
        filter={filter}
        channel={channel}
        onWeights={(w) => update({ w })}
        onBias={(b) => update({ b })}
        onSelect={(f, c) => update({ f, c })}
      />

      <div class={twoColumns ? 'conv__maps conv__maps--row' : 'conv__maps'}>
        <InputMaps input={input} padding={spec.padding} marks={marks} span={size.ok ? { ...origin, size: span } : undefined} width={column} onPick={pickInput} windowText={windowText} />
        {size.ok ? (
          <OutputMaps
            data={fresh?.data}
            outChannels={shape.outChannels}
            height={outH}
            width={outW}
            filter={filter}
            at={at}
            onSelect={select}
            available={column}
            valueText={valueText}
          />
        ) : (
          <Problem>No output: {size.reason}. Make the kernel or the dilation smaller, or add padding.</Problem>
        )}
      </div>

      {job.error && size.ok && <EngineError error={job.error} onRetry={job.retry} />}

      {breakdown && <StepThrough breakdown={breakdown} channelNames={channelNames} kernel={spec.kernel} engineValue={engineValue} />}
      {size.ok && (
        <>
          <OutputTable values={fresh?.data.subarray(filter * outH * outW, (filter + 1) * outH * outW)} height={outH} width={outW} filter={filter} />
          <LayerSummary shape={shape} height={input.height} width={input.width} outHeight={size.height} outWidth={size.width} engineShape={fresh?.shape} />
        </>
      )}
      <Toolbar onReset={() => (reset(), setUpload(undefined), setLayerNotices([]))} />
    </div>
  );
}
