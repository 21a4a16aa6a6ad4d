import { curveBasis, line } from 'd3-shape';
import type { BackpropGraph } from '../../lib/course/backpropagation';
import type { GraphLayout } from './layout';
import { NODE } from './layout';
import { formatSignificant } from '../../lib/common';
import { nodeLabel } from './model';

interface Props {
  graph: BackpropGraph;
  layout: GraphLayout;
  /** Each node's gradient as far as the backward pass has come (null: not reached). */
  grads: readonly (number | null)[];
  /** The node of the step just taken, or null. */
  current: number | null;
  /** The node the last step handed gradients to. */
  receivers: ReadonlySet<number>;
  /** The last step's local derivative by argument number of the current node. */
  locals: ReadonlyMap<number, number>;
}

const path = line<{ x: number; y: number }>()
  .x((p) => p.x)
  .y((p) => p.y)
  .curve(curveBasis);

/** The graph as SVG: boxes with value and gradient, arrows from input to op; the current step highlighted. Decorative for screen readers, which get the table. */
export function GraphSvg({ graph, layout, grads, current, receivers, locals }: Props) {
  const { nodes } = graph.trace;
  return (
    <svg class="cgraph__svg" width={layout.width} height={layout.height} aria-hidden="true">
      <defs>
        <marker id="cgraph-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" class="cgraph__arrowhead" />
        </marker>
      </defs>
      {layout.edges.map((e, i) => {
        const local = e.to === current ? locals.get(e.argument) : undefined;
        const middle = e.points[Math.floor(e.points.length / 2)];
        return (
          <g key={i}>
            <path d={path(e.points as { x: number; y: number }[]) ?? ''} class={`cgraph__edge${local !== undefined ? ' cgraph__edge--active' : ''}`} marker-end="url(#cgraph-arrow)" />
            {local !== undefined && middle && (
              <text x={middle.x} y={middle.y - 5} class="cgraph__local">
                ×{formatSignificant(local)}
              </text>
            )}
          </g>
        );
      })}
      {nodes.map((n) => {
        const { x, y } = layout.nodes[n.id]!;
        const grad = grads[n.id];
        const kind = n.op !== null ? 'op' : n.requiresGrad ? 'input' : 'constant';
        const state = n.id === current ? ' cgraph__node--current' : receivers.has(n.id) ? ' cgraph__node--receiver' : '';
        const left = x - NODE.width / 2;
        const top = y - NODE.height / 2;
        return (
          <g key={n.id} class={`cgraph__node cgraph__node--${kind}${state}`}>
            <rect x={left} y={top} width={NODE.width} height={NODE.height} rx={kind === 'op' ? 14 : 4} />
            <text x={x} y={top + 17} class="cgraph__label">
              {nodeLabel(n)}
            </text>
            <text x={x} y={top + 34} class="cgraph__value">
              {formatSignificant(n.value[0]!)}
            </text>
            {n.requiresGrad && (
              <text x={x} y={top + 50} class="cgraph__grad">
                {grad === null || grad === undefined ? 'grad ?' : `grad ${formatSignificant(grad)}`}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
