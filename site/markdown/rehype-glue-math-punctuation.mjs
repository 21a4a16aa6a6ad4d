/**
 * Rehype plugin run after rehype-katex: glues punctuation to the inline formula it touches, so a
 * line never starts with the full stop or comma after "$g(z) = z$." nor ends with the opening
 * bracket before "($x$". The formula and its punctuation go into <span class="math-glue">, which
 * global.css keeps on one line, while the formula can still break inside, between its terms.
 */

/** Punctuation that belongs to what precedes it, and opening marks that belong to what follows. */
const TRAILING = /^[.,;:!?)\]}’”»…]+/u;
const LEADING = /[(\[{‘“«]+$/u;

const hasClass = (node, name) => node?.type === 'element' && (node.properties?.className ?? []).includes(name);

const isInlineMath = (node) => node?.type === 'element' && node.tagName === 'span' && hasClass(node, 'katex');

/** Splits a string in two at `at`. */
const split = (value, at) => [value.slice(0, at), value.slice(at)];

/**
 * Chromium decides whether a line may break after one of KaTeX's inline-block pieces (.base) by
 * the white-space of the piece's parent; so the pieces next to the punctuation go into a no-wrap
 * span of their own, and the ones between them keep their break opportunities.
 */
function holdEnds(katex, first, last) {
  const html = katex.children?.find((c) => hasClass(c, 'katex-html'));
  const bases = html?.children?.filter((c) => hasClass(c, 'base')) ?? [];
  const ends = new Set([first && bases[0], last && bases[bases.length - 1]].filter(Boolean));
  if (!html || ends.size === 0) return;
  html.children = html.children.map((c) =>
    ends.has(c) ? { type: 'element', tagName: 'span', properties: { className: ['math-glue__end'] }, children: [c] } : c,
  );
}

function glue(parent) {
  if (!parent.children) return;
  // Display formulas are blocks of their own: nothing to glue inside them.
  if (hasClass(parent, 'katex-display')) return;
  const out = [];
  const children = parent.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (!isInlineMath(node)) {
      glue(node);
      out.push(node);
      continue;
    }
    const parts = [node];
    const before = out[out.length - 1];
    if (before?.type === 'text') {
      const match = LEADING.exec(before.value);
      if (match) {
        const [rest, mark] = split(before.value, match.index);
        out.pop();
        if (rest) out.push({ type: 'text', value: rest });
        parts.unshift({ type: 'text', value: mark });
      }
    }
    const after = children[i + 1];
    if (after?.type === 'text') {
      const match = TRAILING.exec(after.value);
      if (match) {
        const [mark, rest] = split(after.value, match[0].length);
        parts.push({ type: 'text', value: mark });
        children[i + 1] = { type: 'text', value: rest };
      }
    }
    if (parts.length === 1) {
      out.push(node);
      continue;
    }
    holdEnds(node, parts[0] !== node, parts[parts.length - 1] !== node);
    out.push({ type: 'element', tagName: 'span', properties: { className: ['math-glue'] }, children: parts });
  }
  parent.children = out.filter((n) => n.type !== 'text' || n.value !== '');
}

export default function rehypeGlueMathPunctuation() {
  return (tree) => glue(tree);
}
