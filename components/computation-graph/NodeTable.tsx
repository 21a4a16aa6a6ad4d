import type { BackpropGraph } from '../../lib/course/backpropagation';
import type { ChartTable } from '../charts/chart-table';
import { ScrollX } from '../widget-kit/ScrollX';
import { formatSignificant } from '../../lib/common';
import { nodeLabel } from './model';

interface Props {
  graph: BackpropGraph;
  grads: readonly (number | null)[];
}

/** The node table's data for a CSV file: values and gradients at full precision, a gradient left empty where backward() has not reached it or sends none. */
export function nodeRows(graph: BackpropGraph, grads: readonly (number | null)[]): ChartTable {
  return {
    columns: ['node', 'label', 'grad_fn', 'inputs', 'value', 'gradient'],
    rows: graph.trace.nodes.map((n) => [
      n.id + 1,
      nodeLabel(n),
      n.gradFn ?? (n.requiresGrad ? 'leaf' : 'constant'),
      n.inputs.map((i) => `#${i + 1}`).join(' '),
      n.value[0],
      n.requiresGrad ? (grads[n.id] ?? undefined) : undefined,
    ]),
  };
}

/** The graph as a table, its text alternative: each node, what made it, its inputs, value and gradient so far. */
export function NodeTable({ graph, grads }: Props) {
  const { nodes } = graph.trace;
  return (
    <ScrollX label="Nodes of the graph">
      <table class="cgraph__table">
        <caption>Nodes in topological order (inputs first)</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Node</th>
            <th scope="col">grad_fn</th>
            <th scope="col">Inputs</th>
            <th scope="col">Value</th>
            <th scope="col">Gradient</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((n) => (
            <tr key={n.id}>
              <td>{n.id + 1}</td>
              <th scope="row">{nodeLabel(n)}</th>
              <td>{n.gradFn ?? (n.requiresGrad ? 'leaf' : 'constant')}</td>
              <td>{n.inputs.map((i) => `#${i + 1}`).join(', ') || '—'}</td>
              <td>{formatSignificant(n.value[0]!)}</td>
              <td>{!n.requiresGrad ? '—' : grads[n.id] === null || grads[n.id] === undefined ? 'not yet' : formatSignificant(grads[n.id]!)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
}
