/**
 * The source text of a highlighted code block (Shiki's HTML, as MDX renders a ```ts fence): the
 * tags removed and character references decoded. Used at build time by CodeCell.astro.
 */
const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The text of the first <code> element in `html` (or of all of `html` if there is none). */
export function codeFromHighlightedHtml(html: string): string {
  const code = /<code[^>]*>([\s\S]*?)<\/code>/.exec(html)?.[1] ?? html;
  return code
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
      if (ref[0] === '#') {
        const n = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
      }
      return NAMED[ref.toLowerCase()] ?? whole;
    })
    .replace(/\n$/, '');
}
