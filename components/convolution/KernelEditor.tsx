import { useId } from 'preact/hooks';
import { KERNEL_PRESET_IDS, KERNEL_PRESETS, matchPreset, presetKernel, type KernelPresetId } from '../../lib/course/convolution';
import { weightSlice, withSlice, type LayerShape } from '../../lib/course/convolution';
import { NumberField } from '../widget-kit/NumberField';
import { formatSigned } from '../widget-kit/number-text';
import { LIMITS } from './model';

interface Props {
  shape: LayerShape;
  weights: readonly number[];
  bias: readonly number[];
  /** The filter and input channel being edited (and shown in the step-through). */
  filter: number;
  channel: number;
  onWeights(weights: number[]): void;
  onBias(bias: number[]): void;
  onSelect(filter: number, channel: number): void;
}

/** Names of the input channels of a colour image. */
export const CHANNEL_NAMES = ['R', 'G', 'B'] as const;

/** Short name of input channel c: R, G or B for colour, none for grayscale. */
export const channelName = (shape: LayerShape, c: number): string => (shape.inChannels === 1 ? '' : (CHANNEL_NAMES[c] ?? String(c)));

function sizesOf(id: KernelPresetId): string {
  return presetKernel(id, 5) ? 'odd k ≥ 3' : '3 × 3 only';
}

/**
 * The weights of one filter: pick the filter and (for colour) the input channel, then a preset or
 * the k × k values one by one, and the filter's bias.
 */
export function KernelEditor({ shape, weights, bias, filter, channel, onWeights, onBias, onSelect }: Props) {
  const id = useId();
  const k = shape.kernel;
  const slice = weightSlice(weights, shape, filter, channel);
  const current = matchPreset(slice, k);
  const sliceName = shape.inChannels === 1 ? `filter ${filter}` : `filter ${filter}, channel ${channelName(shape, channel)}`;
  const setSlice = (values: readonly number[], c = channel): number[] => withSlice(weights, shape, filter, c, values);

  return (
    <div class="kernel-editor">
      {shape.outChannels > 1 && (
        <fieldset class="fm-radios">
          <legend>Filter f (counting from 0, as PyTorch does)</legend>
          {Array.from({ length: shape.outChannels }, (_, f) => (
            <label key={f}>
              <input type="radio" name={`${id}-filter`} checked={filter === f} onChange={() => onSelect(f, channel)} />
              {f}
            </label>
          ))}
        </fieldset>
      )}
      {shape.inChannels > 1 && (
        <fieldset class="fm-radios">
          <legend>Input channel c of filter {filter}</legend>
          {CHANNEL_NAMES.map((name, c) => (
            <label key={name}>
              <input type="radio" name={`${id}-channel`} checked={channel === c} onChange={() => onSelect(filter, c)} />
              {name}
            </label>
          ))}
        </fieldset>
      )}
      <div class="kernel-editor__preset">
        <div class="fm-field conv-field">
          <label for={`${id}-preset`}>Kernel of {sliceName}</label>
          <select
            id={`${id}-preset`}
            value={current ?? 'custom'}
            onChange={(e) => {
              const values = presetKernel((e.currentTarget as HTMLSelectElement).value as KernelPresetId, k);
              if (values) onWeights(setSlice(values));
            }}
          >
            <option value="custom" disabled>
              Custom values
            </option>
            {KERNEL_PRESET_IDS.map((p) => (
              <option key={p} value={p} disabled={presetKernel(p, k) === undefined}>
                {KERNEL_PRESETS[p].label}
                {presetKernel(p, k) === undefined ? ` (${sizesOf(p)})` : ''}
              </option>
            ))}
          </select>
        </div>
        {shape.inChannels > 1 && (
          <button
            type="button"
            class="button button--quiet"
            onClick={() => onWeights(CHANNEL_NAMES.reduce<number[]>((w, _, c) => withSlice(w, shape, filter, c, slice), [...weights]))}
          >
            Copy to all 3 channels
          </button>
        )}
      </div>
      {current && <p class="kernel-editor__hint">{KERNEL_PRESETS[current].description}</p>}
      <p class="kernel-editor__limits" id={`${id}-limits`}>
        Weights and biases are numbers from {formatSigned(-LIMITS.weight)} to {formatSigned(LIMITS.weight)}; a box with anything else is marked and the last good value is used.
      </p>
      <div class="kernel-grid" role="group" aria-label={`Weights of ${sliceName}, ${k} × ${k}`} aria-describedby={`${id}-limits`} style={{ gridTemplateColumns: `repeat(${k}, minmax(0, 1fr))`, maxWidth: `${k * 5}rem` }}>
        {slice.map((value, i) => (
          <NumberField
            key={`${filter}-${channel}-${k}-${i}`}
            label={<span class="visually-hidden">{`Weight row ${Math.floor(i / k) + 1}, column ${(i % k) + 1}`}</span>}
            value={value}
            min={-LIMITS.weight}
            max={LIMITS.weight}
            onChange={(v) => onWeights(setSlice(slice.map((old, j) => (j === i ? v : old))))}
          />
        ))}
      </div>
      <NumberField
        key={`bias-${filter}`}
        class="kernel-editor__bias"
        label={`Bias b of filter ${filter}`}
        value={bias[filter] ?? 0}
        min={-LIMITS.weight}
        max={LIMITS.weight}
        onChange={(v) => onBias(bias.map((old, f) => (f === filter ? v : old)))}
      />
    </div>
  );
}
