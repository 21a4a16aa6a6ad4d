import type { BackpropGraph } from '../../lib/course/backpropagation';
import { ScrollX } from '../widget-kit/ScrollX';
import { formatValue, nodeLabel } from './model';

interface Props {
  graph: BackpropGraph;
  grads: readonly (number | null)[];
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
              <td>{formatValue(n.value[0]!)}</td>
              <td>{!n.requiresGrad ? '—' : grads[n.id] === null || grads[n.id] === undefined ? 'not yet' : formatValue(grads[n.id]!)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
}
