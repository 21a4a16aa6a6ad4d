import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { SAMPLE_IDS, SAMPLES, type SampleId } from '../../lib/course/convolution';
import { JobCancelledError } from '../../lib/runtime';
import { Problem } from '../sliding-window/Problem';
import { CHANNEL_MODES, type ChannelMode } from './model';
import { ImageReader, type LoadedImage } from './read-image';

interface Props {
  sample: SampleId;
  upload: LoadedImage | undefined;
  mode: ChannelMode;
  onSample(id: SampleId): void;
  onUpload(image: LoadedImage): void;
  onMode(mode: ChannelMode): void;
}

const MODE_LABELS: Record<ChannelMode, string> = { gray: 'Grayscale (1 channel)', rgb: 'Colour (3 channels: R, G, B)' };

/** The file types the worker reads (lib/course/convolution/image-header.ts). */
const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,image/bmp,image/avif';

/** Chooses the input: a sample image or the reader's own file, in grayscale or colour. */
export function ImagePicker({ sample, upload, mode, onSample, onUpload, onMode }: Props) {
  const id = useId();
  const [problem, setProblem] = useState<string>();
  const [reading, setReading] = useState(false);
  const reader = useRef<ImageReader>();
  useEffect(() => () => reader.current?.dispose(), []);

  const onFile = async (e: Event): Promise<void> => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    input.value = '';
    setReading(true);
    try {
      reader.current ??= new ImageReader();
      onUpload(await reader.current.read(file));
      setProblem(undefined);
      setReading(false);
    } catch (error) {
      if (error instanceof JobCancelledError) return; // a newer file replaced this one
      setProblem(error instanceof Error ? error.message : String(error));
      setReading(false);
    }
  };

  return (
    <div class="image-picker">
      <div class="image-picker__row">
        <div class="fm-field conv-field">
          <label for={`${id}-sample`}>Image</label>
          <select id={`${id}-sample`} value={upload ? '' : sample} onChange={(e) => onSample((e.currentTarget as HTMLSelectElement).value as SampleId)}>
            {upload && (
              <option value="" disabled>
                Your image: {upload.name}
              </option>
            )}
            {SAMPLE_IDS.map((s) => (
              <option key={s} value={s}>
                {SAMPLES[s].label}
              </option>
            ))}
          </select>
        </div>
        <div class="fm-field conv-field">
          <label for={`${id}-file`}>Or your own image</label>
          <input id={`${id}-file`} type="file" accept={ACCEPT} onChange={onFile} aria-describedby={`${id}-file-note`} />
        </div>
        <fieldset class="fm-radios">
          <legend>Channels</legend>
          {CHANNEL_MODES.map((m) => (
            <label key={m}>
              <input type="radio" name={`${id}-mode`} checked={mode === m} onChange={() => onMode(m)} />
              {MODE_LABELS[m]}
            </label>
          ))}
        </fieldset>
      </div>
      <p id={`${id}-file-note`} class="image-picker__note" role="status">
        {reading
          ? 'Reading the image…'
          : upload
            ? `Your image “${upload.name}”, ${upload.originalWidth} pixels wide and ${upload.originalHeight} high, is used at H × W = ${upload.picture.height} × ${upload.picture.width}. ${layoutNote(upload, mode)} It stays in this page: nothing is uploaded, and it is not part of the link.`
            : 'Your own image is read in this page and scaled to at most 64 × 64; nothing is uploaded.'}
      </p>
      {problem && (
        <Problem>{problem} The widget keeps using the previous image.</Problem>
      )}
    </div>
  );
}

/** How the pixels were laid out when decoded (channels last) and how the widget holds them (channels first). */
function layoutNote({ picture }: LoadedImage, mode: ChannelMode): string {
  const { height: h, width: w } = picture;
  const first =
    mode === 'rgb'
      ? `moves the channels first, (C, H, W) = (3, ${h}, ${w}), as permute(2, 0, 1) would`
      : `moves the channels first, as permute(2, 0, 1) would, and mixes them into one, 0.299 R + 0.587 G + 0.114 B: (C, H, W) = (1, ${h}, ${w})`;
  return `The browser decodes it channels last, (H, W, 4) = (${h}, ${w}, 4) bytes of red, green, blue and opacity; the widget ${first}.`;
}
