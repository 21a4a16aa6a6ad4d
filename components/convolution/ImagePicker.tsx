import { useId, useState } from 'preact/hooks';
import { SAMPLE_IDS, SAMPLES, type SampleId } from '../../lib/convolution/samples';
import { Problem } from '../feature-map/Problem';
import { CHANNEL_MODES, type ChannelMode } from './model';
import { readImageFile, type LoadedImage } from './read-image';

interface Props {
  sample: SampleId;
  upload: LoadedImage | undefined;
  mode: ChannelMode;
  onSample(id: SampleId): void;
  onUpload(image: LoadedImage): void;
  onMode(mode: ChannelMode): void;
}

const MODE_LABELS: Record<ChannelMode, string> = { gray: 'Grayscale (1 channel)', rgb: 'Colour (3 channels: R, G, B)' };

/** Chooses the input: a sample image or the reader's own file, in grayscale or colour. */
export function ImagePicker({ sample, upload, mode, onSample, onUpload, onMode }: Props) {
  const id = useId();
  const [problem, setProblem] = useState<string>();
  const [reading, setReading] = useState(false);

  const onFile = async (e: Event): Promise<void> => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setReading(true);
    try {
      onUpload(await readImageFile(file));
      setProblem(undefined);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setReading(false);
      input.value = '';
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
          <input id={`${id}-file`} type="file" accept="image/*" onChange={onFile} aria-describedby={`${id}-file-note`} />
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
            ? `Your image “${upload.name}”, ${upload.originalWidth} pixels wide and ${upload.originalHeight} high, is used at H × W = ${upload.picture.height} × ${upload.picture.width}. It stays in this page: nothing is uploaded, and it is not part of the link.`
            : 'Your own image is read in this page and scaled to at most 64 × 64; nothing is uploaded.'}
      </p>
      {problem && (
        <Problem>{problem} The widget keeps using the previous image.</Problem>
      )}
    </div>
  );
}
