/**
 * Figures read from a lesson's MDX source, so that a test can check the number the prose states
 * against the number the code computes, and the two cannot drift apart. A test imports the lesson
 * as text (`import source from '../../lessons/x.mdx?raw'`) and finds each figure by the words
 * around it: `figure(source, /multiplies the ratio by about (\S+) here/)`.
 */

/** The source with every run of whitespace (line breaks included) collapsed to one space. */
export function prose(source: string): string {
  return source.replace(/\s+/g, ' ');
}

const FRACTION = /^\\[dt]?frac\s*(?:\{([^{}]+)\}|(\d))\s*(?:\{([^{}]+)\}|(\d))$/;
const POWER = /^(?:([-+]?[\d.]+)\s*\\times\s*)?10\^\{?([-+]?\d+(?:\.\d+)?)\}?$/;

/**
 * A number as a lesson writes it, in prose or in LaTeX: 0.14, −3, 22,209, 22\,209, 1/8,
 * \tfrac18, \tfrac{1}{8}, 10^{-9}, 6.4 \times 10^{8}, 90 % (gives 90). Dollar signs and a
 * trailing full stop are ignored. Throws on anything else, saying what it got.
 */
export function parseFigure(text: string): number {
  const t = text
    .trim()
    .replace(/^\$+|\$+$/g, '')
    .replace(/\.$/, '')
    .replace(/[−–]/g, '-')
    .replace(/\\,|,(?=\d{3}\b)/g, '')
    .replace(/\s*%$/, '')
    .trim();
  const fraction = FRACTION.exec(t);
  if (fraction) return parseFigure(fraction[1] ?? fraction[2] ?? '') / parseFigure(fraction[3] ?? fraction[4] ?? '');
  const power = POWER.exec(t);
  if (power) return Number(power[1] ?? 1) * 10 ** Number(power[2]);
  const ratio = /^(-?[\d.]+)\s*\/\s*([\d.]+)$/.exec(t);
  if (ratio) return Number(ratio[1]) / Number(ratio[2]);
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number(t);
  throw new RangeError(`parseFigure: expected a number such as 0.14, 22,209, 1/8, \\tfrac18 or 2 \\times 10^{8}, got "${text}"`);
}

/**
 * The figures caught by the capture groups of `pattern`, which must match the lesson's prose (see
 * prose()) exactly once: a pattern that matches twice would let a test check the wrong sentence.
 */
export function figures(source: string, pattern: RegExp): number[] {
  const text = prose(source);
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const matches = [...text.matchAll(new RegExp(pattern.source, flags))];
  if (matches.length !== 1) throw new RangeError(`figures: expected ${pattern} to match the lesson once, got ${matches.length} matches`);
  const groups = (matches[0] ?? []).slice(1);
  if (groups.length === 0) throw new RangeError(`figures: expected ${pattern} to have a capture group around the figure`);
  return groups.map((g) => parseFigure(g ?? ''));
}

/** The one figure caught by the single capture group of `pattern` (see figures()). */
export function figure(source: string, pattern: RegExp): number {
  const found = figures(source, pattern);
  if (found.length !== 1) throw new RangeError(`figure: expected ${pattern} to have one capture group, got ${found.length}`);
  return found[0] ?? NaN;
}
