/**
 * The calculator's own limits, in one place. They are not PyTorch's rules: they keep a pasted
 * model, a link and the page that shows them small enough to stay quick, and every number exact.
 * Each message that enforces one says it is the calculator's limit (LIMIT_TEXT).
 */

/** Most layers a stack may hold: pasted code, an edited stack and a link alike. */
export const MAX_LAYERS = 200;

/** Most characters of pasted code the importer reads (a long model is under 20,000). */
export const MAX_SOURCE_CHARS = 200_000;

/** Deepest nesting of brackets, or of Sequential inside Sequential, that the importer follows. */
export const MAX_NESTING = 100;

/** Most problems the importer reports for one paste; it stops reading after that many. */
export const MAX_PROBLEMS = 100;

/** Largest channel or feature count accepted (keeps every count well inside exact doubles). */
export const MAX_WIDTH = 1_000_000;

/** Largest kernel, stride, padding or dilation accepted. */
export const MAX_WINDOW = 10_000;

/** The limits in words, for hints shown before anything is pasted or linked. */
export const LIMIT_TEXT = {
  layers: `at most ${MAX_LAYERS.toLocaleString('en-US')} layers`,
  source: `up to ${MAX_SOURCE_CHARS.toLocaleString('en-US')} characters`,
  problems: `the first ${MAX_PROBLEMS} problems`,
} as const;
