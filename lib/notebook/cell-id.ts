/**
 * A code cell's id: names the cell for good (its saved edits and its shared links are keyed by
 * it), so it is chosen by the lesson's author and kept when the cell's label or code changes.
 */

/** Lowercase letters and digits in words joined by single hyphens, at most 64 characters: "define-activation". */
export const CELL_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID = 64;

/** Why `id` is not a valid cell id, or null if it is one. */
export function cellIdProblem(id: unknown): string | null {
  if (typeof id !== 'string') return `expected a cell id (a string such as "define-activation"), got ${id === undefined ? 'none' : typeof id}`;
  if (id.length > MAX_ID) return `expected a cell id of at most ${MAX_ID} characters, got ${id.length}`;
  if (!CELL_ID_PATTERN.test(id)) return `expected a cell id of lowercase letters and digits joined by hyphens (such as "define-activation"), got "${id}"`;
  return null;
}
