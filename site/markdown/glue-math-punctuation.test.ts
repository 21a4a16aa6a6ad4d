import { describe, expect, it } from 'vitest';
import rehypeGlueMathPunctuation from './rehype-glue-math-punctuation.mjs';

type Node = { type: string; value?: string; tagName?: string; properties?: { className?: string[] }; children?: Node[] };

const math = (tex: string): Node => ({ type: 'element', tagName: 'span', properties: { className: ['katex'] }, children: [{ type: 'text', value: tex }] });
const text = (value: string): Node => ({ type: 'text', value });
const paragraph = (...children: Node[]): Node => ({ type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children }] });
const run = (tree: Node): Node[] => {
  rehypeGlueMathPunctuation()(tree);
  return tree.children?.[0]?.children ?? [];
};
const glued = (...children: Node[]): Node => ({ type: 'element', tagName: 'span', properties: { className: ['math-glue'] }, children });

describe('rehypeGlueMathPunctuation()', () => {
  it('rehypeGlueMathPunctuation() glues the full stop after an inline formula to it', () => {
    expect(run(paragraph(text('choose '), math('g(z) = z'), text('. Two layers then')))).toEqual([
      text('choose '),
      glued(math('g(z) = z'), text('.')),
      text(' Two layers then'),
    ]);
  });

  it('rehypeGlueMathPunctuation() glues an opening bracket before and a closing one with a comma after', () => {
    expect(run(paragraph(text('a layer ('), math('W'), text('),'), text(' then')))).toEqual([
      text('a layer '),
      glued(text('('), math('W'), text('),')),
      text(' then'),
    ]);
  });

  it('rehypeGlueMathPunctuation() leaves a formula followed by a space or a word alone', () => {
    const children = [text('with '), math('x'), text(' and '), math('y'), text('z')];
    expect(run(paragraph(...children.map((c) => ({ ...c }))))).toEqual(children);
  });

  it('rehypeGlueMathPunctuation() handles two formulas separated only by punctuation', () => {
    expect(run(paragraph(math('a'), text(', '), math('b'), text('.')))).toEqual([glued(math('a'), text(',')), text(' '), glued(math('b'), text('.'))]);
  });

  it('rehypeGlueMathPunctuation() holds only the last piece of a formula to its full stop, so it can still break between its terms', () => {
    const base = (tex: string): Node => ({ type: 'element', tagName: 'span', properties: { className: ['base'] }, children: [text(tex)] });
    const html: Node = { type: 'element', tagName: 'span', properties: { className: ['katex-html'] }, children: [base('g(z) ='), base('z')] };
    const katex: Node = { type: 'element', tagName: 'span', properties: { className: ['katex'] }, children: [html] };
    run(paragraph(katex, text('.')));
    expect(html.children).toEqual([base('g(z) ='), { type: 'element', tagName: 'span', properties: { className: ['math-glue__end'] }, children: [base('z')] }]);
  });

  it('rehypeGlueMathPunctuation() does not touch display formulas', () => {
    const display: Node = { type: 'element', tagName: 'span', properties: { className: ['katex-display'] }, children: [math('E = mc^2'), text('.')] };
    const tree: Node = { type: 'root', children: [display] };
    rehypeGlueMathPunctuation()(tree);
    expect(display.children).toEqual([math('E = mc^2'), text('.')]);
  });
});
