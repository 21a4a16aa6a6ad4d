import type { ValidationView } from '../../lib/course/dropout';
import { DigitImage } from './DigitImage';

interface Props {
  view: ValidationView;
  side: number;
}

/** The validation digits the network gets wrong, drawn small, each with its true and its predicted class. */
export function MisclassifiedDigits({ view, side }: Props) {
  const shown = view.misclassified.length;
  return (
    <figure class="misclassified">
      <figcaption>
        Misclassified validation digits at epoch {view.epoch}: {view.misclassifiedTotal}
        {shown < view.misclassifiedTotal ? `, the first ${shown} shown` : ''} (true → predicted)
      </figcaption>
      <ul class="misclassified__list">
        {view.misclassified.map((d) => (
          <li key={d.index} class="misclassified__item">
            <DigitImage pixels={d.pixels} side={side} size={2 * side} label={`a ${d.label} read as ${d.predicted}`} />
            <span aria-hidden="true">
              {d.label}→{d.predicted}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
