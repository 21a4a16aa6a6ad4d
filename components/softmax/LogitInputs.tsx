import { NumberField } from '../widget-kit/NumberField';
import { LOGIT_LIMIT, MAX_LOGITS, MIN_LOGITS } from './model';

interface Props {
  logits: readonly number[];
  onChange(logits: number[]): void;
}

/** One box per logit, and buttons to add or remove one (3 to 8 logits). */
export function LogitInputs({ logits, onChange }: Props) {
  return (
    <fieldset class="logits">
      <legend>Logits z</legend>
      <div class="logits__row">
        {logits.map((v, i) => (
          <NumberField
            key={i}
            label={
              <>
                z<sub>{i + 1}</sub>
              </>
            }
            value={v}
            min={-LOGIT_LIMIT}
            max={LOGIT_LIMIT}
            onChange={(next) => onChange(logits.map((old, j) => (j === i ? next : old)))}
          />
        ))}
        <div class="logits__buttons">
          <button type="button" class="button button--quiet" disabled={logits.length >= MAX_LOGITS} onClick={() => onChange([...logits, 0])}>
            Add logit
          </button>
          <button type="button" class="button button--quiet" disabled={logits.length <= MIN_LOGITS} onClick={() => onChange(logits.slice(0, -1))}>
            Remove last
          </button>
        </div>
      </div>
    </fieldset>
  );
}
