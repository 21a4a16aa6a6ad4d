import type { ComponentChildren } from 'preact';
import { pythonTuple } from '../../lib/common';
import { rnnSymbolicShapes, type RnnSymbol } from '../../lib/ml/shapes';
import type { ForwardOutcome } from '../../lib/course/rnn-shapes';
import type { RnnValues, RnnView } from './model';

interface Props {
  values: RnnValues;
  view: RnnView;
  /** The engine's outcome for this setting, if it has run. */
  outcome: ForwardOutcome | undefined;
  /** Shown in the engine column while there is no outcome ("running…", "not run"). */
  pending: string;
}

/** A symbol as PyTorch's documentation typesets it: H_in with a subscript; `short` writes S for D * num_layers. */
export function Sym({ s, short = false }: { s: RnnSymbol; short?: boolean }) {
  switch (s) {
    case 'H_in':
      return (
        <var>
          H<sub>in</sub>
        </var>
      );
    case 'H_out':
      return (
        <var>
          H<sub>out</sub>
        </var>
      );
    case 'D * H_out':
      return (
        <>
          <var>D</var> ∗ <Sym s="H_out" />
        </>
      );
    case 'D * num_layers':
      return short ? (
        <var>S</var>
      ) : (
        <>
          <var>D</var> ∗ num_layers
        </>
      );
    default:
      return <var>{s}</var>;
  }
}

function SymbolicShape({ dims, short = false }: { dims: RnnSymbol[]; short?: boolean }) {
  return (
    <span class="rnn-shape">
      (
      {dims.map((s, i) => (
        <span key={i}>
          {i > 0 && ', '}
          <Sym s={s} short={short} />
        </span>
      ))}
      )
    </span>
  );
}

function Definition({ name, children }: { name: RnnSymbol | 'S' | 'D'; children: ComponentChildren }) {
  return (
    <div class="rnn-symbols__item">
      <dt>{name === 'S' || name === 'D' ? <var>{name}</var> : <Sym s={name} />}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * The four tensors' shapes as PyTorch documents them, in the short S notation, for the current
 * numbers (from the calculator) and as the engine produced them; then each symbol, defined once.
 */
export function ShapesTable({ values: v, view, outcome, pending }: Props) {
  const symbolic = rnnSymbolicShapes(v.batch_first, v.unbatched);
  const D = v.bidirectional ? 2 : 1;
  const fwd = view.forward;
  const refused = fwd.ok ? '' : `raises ${fwd.error.kind}`;
  const engine = (pick: (o: Extract<ForwardOutcome, { ok: true }>) => number[]): string =>
    outcome === undefined ? pending : outcome.ok ? pythonTuple(pick(outcome)) : 'raised an error';
  const featuresWrong = view.inputShape[view.inputShape.length - 1] !== v.input_size;
  const h0Wrong = view.h0Shape !== undefined && view.h0Shape.join() !== view.expectedH0.join();
  const rows: { name: string; symbolic: RnnSymbol[]; here: ComponentChildren; engine?: string; wrong?: boolean }[] = [
    { name: 'input', symbolic: symbolic.input, here: pythonTuple(view.inputShape), wrong: featuresWrong },
    {
      name: 'h_0',
      symbolic: symbolic.h0,
      here: view.h0Shape ? pythonTuple(view.h0Shape) : `omitted: zeros ${pythonTuple(view.expectedH0)}`,
      wrong: h0Wrong,
    },
    { name: 'output', symbolic: symbolic.output, here: fwd.ok ? pythonTuple(fwd.output) : refused, engine: engine((o) => o.output) },
    { name: 'h_n', symbolic: symbolic.hN, here: fwd.ok ? pythonTuple(fwd.hN) : refused, engine: engine((o) => o.hN) },
  ];
  return (
    <div class="rnn-shapes-panel">
      <div>
        <table class="data-table rnn-shapes-table">
          <caption>Shapes of the tensors in and out</caption>
          <thead>
            <tr>
              <th scope="col">Tensor</th>
              <th scope="col">Shape (PyTorch's docs; short)</th>
              <th scope="col">Here (calculator; engine)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">
                  <code>{r.name}</code>
                </th>
                <td>
                  <SymbolicShape dims={r.symbolic} />
                  {r.symbolic.includes('D * num_layers') && (
                    <span class="rnn-second">
                      = <SymbolicShape dims={r.symbolic} short />
                    </span>
                  )}
                </td>
                <td>
                  <span class={r.wrong ? 'rnn-bad' : undefined}>{r.here}</span>
                  {r.engine !== undefined && <span class="rnn-second">engine: {r.engine}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl class="rnn-symbols" aria-label="Symbols">
        <Definition name="N">batch size = {v.unbatched ? 'none (unbatched input)' : v.batch}</Definition>
        <Definition name="L">sequence length = {v.seq_len}</Definition>
        <Definition name="D">
          2 if bidirectional=True otherwise 1 = {D}
        </Definition>
        <Definition name="H_in">input_size = {v.input_size}</Definition>
        <Definition name="H_out">hidden_size = {v.hidden_size}</Definition>
        <Definition name="S">
          <var>D</var> ∗ num_layers = {D} × {v.num_layers} = {D * v.num_layers}
        </Definition>
      </dl>
    </div>
  );
}
