import type { SizeSteps } from '../../lib/ml/shapes';

interface Props {
  height: SizeSteps;
  width: SizeSteps;
  /** Show the dilation term d(k − 1) + 1 (convolution); pooling here has d = 1 and writes k. */
  withDilation: boolean;
}

const MINUS = '−';
const fmt = (v: number): string => String(v).replace('-', MINUS);
const plural = (n: number, word: string): string => `${n === 1 ? 'the last' : `the last ${n}`} ${word}${n === 1 ? '' : 's'}`;

function Out({ axis }: { axis: 'H' | 'W' }) {
  return (
    <>
      <var>{axis}</var>
      <sub>out</sub>
    </>
  );
}

/** One line: the formula with the reader's numbers, then its value, for one or both axes. */
function Line({ steps, axes, withDilation }: { steps: SizeSteps; axes: readonly ('H' | 'W')[]; withDilation: boolean }) {
  const { input, spec, numerator, size } = steps;
  const { kernel: k, stride: s, padding: p, dilation: d } = spec;
  const inner = withDilation ? `${input} + 2·${p} ${MINUS} ${d}·(${k} ${MINUS} 1) ${MINUS} 1` : `${input} + 2·${p} ${MINUS} ${k}`;
  const quotient = Math.floor(numerator / s);
  return (
    <p class="size-formula__line">
      {axes.map((a, i) => (
        <span key={a}>
          {i > 0 && ' = '}
          <Out axis={a} />
        </span>
      ))}{' '}
      = ⌊({inner}) / {s}⌋ + 1 = ⌊{fmt(numerator)} / {s}⌋ + 1 = {fmt(quotient)} + 1 = <strong>{size}</strong>
    </p>
  );
}

/** What the floor dropped along one axis, in words. */
function Remainder({ steps, word, alsoColumns = false }: { steps: SizeSteps; word: 'row' | 'column'; alsoColumns?: boolean }) {
  if (steps.exact) return null;
  const { numerator, spec, remainder, uncovered, uncoveredReal } = steps;
  const quotient = numerator / spec.stride;
  return (
    <p class="size-formula__note">
      {fmt(numerator)} / {spec.stride} = {Number(quotient.toFixed(3))} is not a whole number: the floor drops the remainder {remainder}, so{' '}
      {plural(uncovered, word)} of the padded input {uncovered === 1 ? 'is' : 'are'} never covered by a window.{' '}
      {uncoveredReal === 0
        ? `${uncovered === 1 ? 'It is' : 'They are'} padding, so no input value is lost.`
        : uncoveredReal === uncovered
          ? `${uncovered === 1 ? `It is a real input ${word}` : `All of them are real input ${word}s`}, which this layer never reads.`
          : `${uncoveredReal} of them ${uncoveredReal === 1 ? `is a real input ${word}` : `are real input ${word}s`}, which this layer never reads.`}
      {alsoColumns && ' The same holds for the columns.'}
    </p>
  );
}

/**
 * The output-size formula H_out = ⌊(H + 2p − d(k − 1) − 1) / s⌋ + 1 with the current numbers
 * substituted, for the height and the width (one line when they are the same), and what the
 * floor throws away when the stride does not divide evenly.
 */
export function SizeFormula({ height, width, withDilation }: Props) {
  const same = height.input === width.input;
  const general = withDilation ? (
    <>
      ⌊(<var>H</var> + 2<var>p</var> − <var>d</var>(<var>k</var> − 1) − 1) / <var>s</var>⌋ + 1
    </>
  ) : (
    <>
      ⌊(<var>H</var> + 2<var>p</var> − <var>k</var>) / <var>s</var>⌋ + 1
    </>
  );
  return (
    <div class="size-formula">
      <p class="size-formula__line size-formula__general">
        <Out axis="H" /> = {general}
        {same ? '' : ', and likewise for W'}
      </p>
      {same ? (
        <Line steps={height} axes={['H', 'W']} withDilation={withDilation} />
      ) : (
        <>
          <Line steps={height} axes={['H']} withDilation={withDilation} />
          <Line steps={width} axes={['W']} withDilation={withDilation} />
        </>
      )}
      <Remainder steps={height} word="row" alsoColumns={same} />
      {!same && <Remainder steps={width} word="column" />}
    </div>
  );
}
