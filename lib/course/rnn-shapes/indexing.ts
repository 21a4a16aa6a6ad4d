/** PyTorch indexing expressions for pieces of output and h_n ("output[4, :, :20]", "h_n[-2]"). */

/** How input and output are laid out: (L, N, ·), (N, L, ·) with batch_first, or (L, ·) unbatched. */
export type Layout = 'sequence-first' | 'batch-first' | 'unbatched';

/** The layout of a setting. */
export function layoutOf(batchFirst: boolean, unbatched: boolean): Layout {
  return unbatched ? 'unbatched' : batchFirst ? 'batch-first' : 'sequence-first';
}

/** One direction's half of the last dimension: ":20" (forward) or "20:" (reverse); "" when D = 1. */
export function directionSlice(reverse: boolean, hiddenSize: number, D: number): string {
  if (D === 1) return '';
  return reverse ? `${hiddenSize}:` : `:${hiddenSize}`;
}

/** output at time step t (a number, or "-1"), optionally one direction's half: "output[:, 2, :20]". */
export function outputAt(layout: Layout, t: number | string, slice = ''): string {
  const tail = slice ? `, ${slice}` : '';
  if (layout === 'sequence-first') return `output[${t}${slice ? `, :${tail}` : ''}]`;
  if (layout === 'batch-first') return `output[:, ${t}${tail}]`;
  return `output[${t}${tail}]`;
}

/** h_n's entry i (layer k, direction d sits at i = k·D + d). */
export function hNAt(i: number | string): string {
  return `h_n[${i}]`;
}
