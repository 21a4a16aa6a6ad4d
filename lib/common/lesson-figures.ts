/**
 * Reading the figures a lesson states in its text, so that a test can check each one against the
 * code that computes it: the test finds the figure in the .mdx by the words around it, and compares
 * the computed value rounded as the lesson rounds it. Change the lesson or the code and the test
 * says which figure no longer agrees.
 */

/** A number as a lesson writes it. */
export interface Figure {
  /** Exactly as it appears in the lesson: "1{,}480", "−0.278", "4.5 \times 10^{-5}". */
  readonly text: string;
  /** The same number in one plain spelling: "1480", "-0.278", "4.5e-5". */
  readonly canonical: string;
  /** Its value. */
  readonly value: number;
}

/** A written number: digits with optional thousands separators ("1,480" or TeX's "1{,}480"), decimals, and "× 10^{n}". */
const NUMBER = String.raw`[−-]?\d+(?:(?:\{,\}|,)\d{3})*(?:\.\d+)?(?:\s*\\times\s*10\^\{?[−-]?\d+\}?)?`;

/** Parses a number as a lesson writes it (see NUMBER); throws if `text` is not one. */
export function parseFigure(text: string): Figure {
  if (!new RegExp(`^${NUMBER}$`).test(text.trim())) throw new Error(`parseFigure: expected a number as a lesson writes it, got "${text}"`);
  const plain = text.trim().replace(/−/g, '-').replace(/\{,\}|,/g, '');
  const [mantissa = '', exponent] = plain.split(/\s*\\times\s*10\^/);
  const canonical = exponent === undefined ? plain : `${mantissa}e${exponent.replace(/[{}]/g, '')}`;
  return { text, canonical, value: Number(canonical) };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The figures at the `{}` places of `template` in a lesson's text. The template is the lesson's own
 * words around the figures, as written in the .mdx (TeX included); any run of white space matches
 * any other, so line breaks do not matter. Throws unless the template occurs exactly once.
 */
export function figuresIn(source: string, template: string): Figure[] {
  const pattern = template
    .split('{}')
    .map((part) => escape(part).replace(/\s+/g, '\\s+'))
    .join(`(${NUMBER})`);
  const matches = [...source.matchAll(new RegExp(pattern, 'g'))];
  if (matches.length !== 1) throw new Error(`figuresIn: expected "${template}" once in the lesson, found it ${matches.length} times`);
  return matches[0]!.slice(1).map((text) => parseFigure(text ?? ''));
}

/** The one figure at the `{}` of `template` (see figuresIn). */
export function figureIn(source: string, template: string): Figure {
  const figures = figuresIn(source, template);
  if (figures.length !== 1) throw new Error(`figureIn: expected one {} in "${template}", got ${figures.length}`);
  return figures[0]!;
}

/**
 * A computed value written with the precision of a figure (its decimals, or its significant digits
 * when it is written with a power of ten), in the figure's canonical spelling: the test then
 * compares `writtenLike(computed, figure)` with `figure.canonical`.
 */
export function writtenLike(value: number, figure: Figure): string {
  const [mantissa = '', exponent] = figure.canonical.split('e');
  const decimals = mantissa.split('.')[1]?.length ?? 0;
  if (exponent !== undefined) {
    const [m = '', e = ''] = value.toExponential(decimals).split('e');
    return `${m}e${Number(e)}`;
  }
  const fixed = value.toFixed(decimals);
  return /^-0\.?0*$/.test(fixed) ? fixed.slice(1) : fixed;
}

// Regular-expression lookups: a pattern with capture groups around the figures, for sentences a
// template cannot pin down (import a lesson as text with `import source from '../../../lessons/x.mdx?raw'`).

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
export function figureValue(text: string): number {
  const t = text
    .trim()
    .replace(/^\$+|\$+$/g, '')
    .replace(/\.$/, '')
    .replace(/[−–]/g, '-')
    .replace(/\\,|,(?=\d{3}\b)/g, '')
    .replace(/\s*%$/, '')
    .trim();
  const fraction = FRACTION.exec(t);
  if (fraction) return figureValue(fraction[1] ?? fraction[2] ?? '') / figureValue(fraction[3] ?? fraction[4] ?? '');
  const power = POWER.exec(t);
  if (power) return Number(power[1] ?? 1) * 10 ** Number(power[2]);
  const ratio = /^(-?[\d.]+)\s*\/\s*([\d.]+)$/.exec(t);
  if (ratio) return Number(ratio[1]) / Number(ratio[2]);
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number(t);
  throw new RangeError(`figureValue: expected a number such as 0.14, 22,209, 1/8, \\tfrac18 or 2 \\times 10^{8}, got "${text}"`);
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
  return groups.map((g) => figureValue(g ?? ''));
}

/** The one figure caught by the single capture group of `pattern` (see figures()). */
export function figure(source: string, pattern: RegExp): number {
  const found = figures(source, pattern);
  if (found.length !== 1) throw new RangeError(`figure: expected ${pattern} to have one capture group, got ${found.length}`);
  return found[0] ?? NaN;
}
