import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

/** Every tag name and attribute name of an HTML string (a regex is enough: the renderer escapes what it does not write). */
const tags = (html: string): string[] => [...html.matchAll(/<([a-z][a-z0-9-]*)/gi)].map((m) => m[1]!.toLowerCase());
const attributes = (html: string): string[] => [...html.matchAll(/<[a-z][^>]*>/gi)].flatMap((tag) => [...tag[0].matchAll(/\s([a-z-:]+)=/gi)].map((m) => m[1]!.toLowerCase()));

describe('renderMarkdown()', () => {
  it('renders CommonMark, tables, strikethrough and KaTeX math with its MathML', () => {
    const html = renderMarkdown('# Loss\n\n*mean* ~~sum~~ of $x^2$:\n\n$$\n\\frac{1}{n}\n$$\n\n| a | b |\n| - | - |\n| 1 | 2 |');
    expect(html).toContain('<h2>Loss</h2>');
    expect(html).toContain('<em>mean</em> <del>sum</del>');
    expect(html).toContain('<span class="katex"><span class="katex-mathml"><math');
    expect(html).toContain('<annotation encoding="application/x-tex">x^2</annotation>');
    expect(html).toContain('<div class="math math-display"><span class="katex-display">');
    expect(html).toContain('<td>2</td>');
  });

  it('puts headings one level down, the page having its own h1: # is an h2, ###### stays an h6', () => {
    expect(renderMarkdown('# A\n\n## B\n\n###### F')).toBe('<h2>A</h2>\n<h3>B</h3>\n<h6>F</h6>');
    // Raw HTML stays text, so it is neither a heading nor shifted.
    expect(renderMarkdown('<h1>raw</h1>')).toBe('&lt;h1&gt;raw&lt;/h1&gt;');
  });

  it('shows a formula KaTeX cannot read as its source, in place, without throwing', () => {
    expect(renderMarkdown('bad $\\frac{$ here')).toMatch(/<span class="katex-error" title="ParseError: KaTeX parse error: [^"]*" style="color:var\(--danger\)">\\frac\{<\/span>/);
  });

  it('passes no raw HTML through: script, img onerror, iframes and event handlers are text', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<iframe src="https://example.com"></iframe> <b onclick="alert(1)">b</b>');
    expect(tags(html)).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(attributes(html)).toEqual([]);
  });

  it('drops javascript:, data: and vbscript: addresses, however they are spelled', () => {
    const sources = ['[x](javascript:alert(1))', '[x](JaVaScRiPt:alert(1))', '[x](&#106;avascript:alert(1))', '[x](data:text/html,<script>alert(1)</script>)', '[x](vbscript:msgbox)', '<javascript:alert(1)>'];
    for (const source of sources) {
      const html = renderMarkdown(source);
      expect(html, source).not.toMatch(/href="(?!https?:)/i);
      expect(html, source).not.toMatch(/href="[^"]*script/i);
    }
    expect(renderMarkdown('[x](javascript:alert(1))')).toBe('<p><a>x</a></p>');
  });

  it('keeps web links, marked so that the other site gets no referrer and no opener', () => {
    expect(renderMarkdown('[PyTorch](https://pytorch.org "docs")')).toBe('<p><a rel="nofollow noopener noreferrer" href="https://pytorch.org" title="docs">PyTorch</a></p>');
  });

  it('loads no image: an image becomes a link to it, or text if its address was unsafe', () => {
    expect(renderMarkdown('![a "plot"](https://tracker.example/p.png "t")')).toBe('<p><a class="nb-md__image" rel="nofollow noopener noreferrer" href="https://tracker.example/p.png">Image: a &quot;plot&quot;</a></p>');
    expect(renderMarkdown('![x](javascript:alert(1))')).toBe('<p><span class="nb-md__image">Image: x (not shown)</span></p>');
    expect(tags(renderMarkdown('![](attachment:fig.png)'))).not.toContain('img');
  });

  it('runs KaTeX untrusted: \\href, \\url and \\htmlData do nothing, and a macro bomb stops', () => {
    const html = renderMarkdown('$\\href{javascript:alert(1)}{x}$ $\\url{javascript:alert(2)}$ $\\htmlData{foo=bar}{x}$ $\\def\\a{\\a\\a}\\a$');
    expect(tags(html)).not.toContain('a');
    expect(html).not.toContain('data-foo');
    expect(html).toContain('Too many expansions');
  });
});
