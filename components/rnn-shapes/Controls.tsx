import type { ComponentChildren } from 'preact';
import { NumberField } from '../widget-kit/NumberField';
import { Slider } from '../widget-kit/Slider';
import { LIMITS, type RnnValues } from './model';
import { ShapeField } from './ShapeField';

interface Props {
  values: RnnValues;
  /** The shape h_0 must have for the current setting. */
  expectedH0: readonly number[];
  update(patch: Partial<RnnValues>): void;
}

function Check({ checked, onChange, children }: { checked: boolean; onChange(v: boolean): void; children: ComponentChildren }) {
  return (
    <label class="chip">
      <input type="checkbox" checked={checked} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
      {children}
    </label>
  );
}

function Radio<T extends string>({ name, value, current, onPick, children }: { name: string; value: T; current: string; onPick(v: T): void; children: ComponentChildren }) {
  return (
    <label class="chip">
      <input type="radio" name={name} value={value} checked={current === value} onChange={() => onPick(value)} />
      {children}
    </label>
  );
}

const code = (text: string) => <code>{text}</code>;

/** The constructor's arguments: nn.RNN(input_size, hidden_size, num_layers, …). */
export function ConstructorControls({ values: v, update }: Props) {
  return (
    <fieldset class="rnn-controls">
      <legend>
        Arguments of <code>nn.RNN</code>
      </legend>
      <div class="rnn-controls__row">
        <NumberField label={code('input_size')} value={v.input_size} min={1} max={LIMITS.size} integer onChange={(x) => update({ input_size: x })} />
        <NumberField label={code('hidden_size')} value={v.hidden_size} min={1} max={LIMITS.size} integer onChange={(x) => update({ hidden_size: x })} />
        <div class="rnn-controls__slider">
          <Slider label="num_layers" min={1} max={LIMITS.numLayers} step={1} value={v.num_layers} onInput={(x) => update({ num_layers: x })} />
        </div>
        <div class="rnn-controls__slider">
          <Slider label="dropout" min={0} max={1} step={0.05} value={v.dropout} format={(x) => String(Number(x.toFixed(2)))} onInput={(x) => update({ dropout: x })} />
        </div>
      </div>
      <div class="rnn-controls__row" role="radiogroup" aria-label="nonlinearity">
        <span class="rnn-controls__name" aria-hidden="true">
          {code('nonlinearity')}
        </span>
        <Radio name="nonlinearity" value="tanh" current={v.nonlinearity} onPick={(x) => update({ nonlinearity: x })}>
          'tanh'
        </Radio>
        <Radio name="nonlinearity" value="relu" current={v.nonlinearity} onPick={(x) => update({ nonlinearity: x })}>
          'relu'
        </Radio>
      </div>
      <div class="rnn-controls__row">
        <Check checked={v.bias} onChange={(x) => update({ bias: x })}>
          bias
        </Check>
        <Check checked={v.batch_first} onChange={(x) => update({ batch_first: x })}>
          batch_first
        </Check>
        <Check checked={v.bidirectional} onChange={(x) => update({ bidirectional: x })}>
          bidirectional
        </Check>
      </div>
    </fieldset>
  );
}

/** The call: sequence length, batch (or unbatched), the input's last size, and h_0. */
export function CallControls({ values: v, expectedH0, update }: Props) {
  const features = v.input_features === 'match' ? v.input_size : v.input_features;
  const h0Kind = typeof v.h_0 === 'string' ? v.h_0 : 'custom';
  return (
    <fieldset class="rnn-controls">
      <legend>
        The call <code>rnn(input, h_0)</code>
      </legend>
      <div class="rnn-controls__row">
        <NumberField label={<>{code('seq_len')} L</>} value={v.seq_len} min={1} max={LIMITS.seqLen} integer onChange={(x) => update({ seq_len: x })} />
        {!v.unbatched && <NumberField label={<>{code('batch')} N</>} value={v.batch} min={1} max={LIMITS.batch} integer onChange={(x) => update({ batch: x })} />}
        <NumberField
          label={code('input.size(-1)')}
          value={features}
          min={1}
          max={LIMITS.size}
          integer
          onChange={(x) => update({ input_features: x === v.input_size ? 'match' : x })}
        />
        {features !== v.input_size && (
          <button type="button" class="button button--quiet rnn-controls__fix" onClick={() => update({ input_features: 'match' })}>
            Match input_size
          </button>
        )}
      </div>
      <div class="rnn-controls__row">
        <Check checked={v.unbatched} onChange={(x) => update({ unbatched: x })}>
          unbatched (no N)
        </Check>
      </div>
      <div class="rnn-controls__row" role="radiogroup" aria-label="h_0">
        <span class="rnn-controls__name" aria-hidden="true">
          {code('h_0')}
        </span>
        <Radio name="h0" value="omit" current={h0Kind} onPick={() => update({ h_0: 'omit' })}>
          omit (zeros)
        </Radio>
        <Radio name="h0" value="expected" current={h0Kind} onPick={() => update({ h_0: 'expected' })}>
          the expected shape
        </Radio>
        <Radio name="h0" value="custom" current={h0Kind} onPick={() => update({ h_0: typeof v.h_0 === 'string' ? [...expectedH0] : v.h_0 })}>
          a shape of my own
        </Radio>
      </div>
      {typeof v.h_0 !== 'string' && <ShapeField label="h_0 shape" value={v.h_0} onChange={(shape) => update({ h_0: shape })} />}
    </fieldset>
  );
}

/** Settings that produce the mistakes people make with nn.RNN, one button each. */
export function MistakeButtons({ values: v, update }: Pick<Props, 'values' | 'update'>) {
  const S = (v.bidirectional ? 2 : 1) * v.num_layers;
  const mistakes: { label: string; patch: Partial<RnnValues> }[] = [
    { label: 'Wrong feature count', patch: { input_features: v.input_size === 7 ? 8 : 7 } },
    {
      label: 'h_0 for one layer only',
      patch: { h_0: v.unbatched ? [1, v.hidden_size] : [1, v.batch, v.hidden_size], ...(S === 1 ? { num_layers: 2 } : {}) },
    },
    {
      label: 'batch_first applied to h_0',
      patch: { batch_first: true, unbatched: false, batch: v.batch === S ? S + 1 : v.batch, h_0: [v.batch === S ? S + 1 : v.batch, S, v.hidden_size] },
    },
    { label: 'Dropout with one layer', patch: { num_layers: 1, dropout: 0.5 } },
  ];
  return (
    <div class="rnn-mistakes" role="group" aria-label="Try a common mistake">
      <span class="rnn-mistakes__label" aria-hidden="true">
        Try a common mistake:
      </span>
      {mistakes.map((m) => (
        <button key={m.label} type="button" class="button button--quiet" onClick={() => update(m.patch)}>
          {m.label}
        </button>
      ))}
    </div>
  );
}
