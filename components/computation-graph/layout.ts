/** Lays a traced graph out left to right with dagre (inputs on the left, the output on the right). */
import { graphlib, layout } from '@dagrejs/dagre';
import type { Trace } from '../../lib/engine';

/** Size of a node's box in the drawing, in px. */
export const NODE = { width: 104, height: 58 } as const;

/** Where dagre put each node (its centre) and each edge (a polyline), and the drawing's size. */
export interface GraphLayout {
  readonly nodes: readonly { x: number; y: number }[];
  readonly edges: readonly { from: number; to: number; argument: number; points: readonly { x: number; y: number }[] }[];
  readonly width: number;
  readonly height: number;
}

/** Runs dagre's layered layout on the trace's nodes and edges (a value used twice keeps both of its edges). */
export function layoutTrace(trace: Trace): GraphLayout {
  const g = new graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 46, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of trace.nodes) g.setNode(String(node.id), { width: NODE.width, height: NODE.height });
  trace.edges.forEach((e, i) => g.setEdge(String(e.from), String(e.to), {}, `e${i}`));
  layout(g);
  const graph = g.graph();
  return {
    nodes: trace.nodes.map((n) => {
      const { x, y } = g.node(String(n.id));
      return { x, y };
    }),
    edges: trace.edges.map((e, i) => ({ ...e, points: g.edge({ v: String(e.from), w: String(e.to), name: `e${i}` }).points ?? [] })),
    width: graph.width ?? 0,
    height: graph.height ?? 0,
  };
}
