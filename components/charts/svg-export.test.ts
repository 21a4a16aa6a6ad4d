// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chartSvg, escapeXml, inlinedCopy, styleText, wrapWords } from './svg-export';

const THEME = '<style>:root{--chart-1:#2a5fd0;--text:#16181d;--text-muted:#555864;--bg:#fcfbf8;--font-ui:Inter, sans-serif} body{font-family:var(--font-ui)} .bar{fill:var(--chart-1);stroke:var(--text)} .tick{fill:var(--text-muted);font-size:11px}</style>';

/** A chart's SVG on the page, styled by classes and theme variables, at `width` × `height` CSS pixels. */
function pageSvg(width = 120, height = 60): SVGSVGElement {
  document.head.innerHTML = THEME;
  document.body.innerHTML = `<div class="host"><svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-hidden="true" class="chart">
    <rect class="bar" x="1" y="2" width="10" height="20" data-key="a"/>
    <line class="cursor" data-export="skip" x1="5" x2="5" y1="0" y2="60"/>
    <g style="display:none"><text class="tick">hidden</text></g>
    <text class="tick" x="3" y="50">1 &lt; 2</text>
    <rect x="30" y="2" width="10" height="10" fill="var(--chart-1)"/>
  </svg></div>`;
  const svg = document.querySelector('svg');
  if (!svg) throw new Error('no svg');
  // happy-dom does no layout: give the chart the box a browser would.
  vi.spyOn(svg, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 10, y: 20, width, height }));
  return svg;
}

afterEach(() => vi.restoreAllMocks());

describe('escapeXml()', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`a<b>&"c"'d'`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;');
  });
});

describe('styleText()', () => {
  it('joins properties and leaves out empty values', () => {
    expect(styleText([['fill', 'red'], ['stroke', ''], ['opacity', '0.5']])).toBe('fill:red;opacity:0.5');
  });
});

describe('wrapWords()', () => {
  it('breaks between words so that no line is wider than asked, keeping a too-long word whole', () => {
    const chars = (t: string): number => t.length;
    expect(wrapWords('Gradient norm per layer, step 40 (log scale)', 16, chars)).toEqual(['Gradient norm', 'per layer, step', '40 (log scale)']);
    expect(wrapWords('Loss', 16, chars)).toEqual(['Loss']);
    expect(wrapWords('a supercalifragilistic b', 5, chars)).toEqual(['a', 'supercalifragilistic', 'b']);
    expect(wrapWords('  ', 5, chars)).toEqual(['']);
  });
});

describe('inlinedCopy()', () => {
  it('writes each element its computed colours and fonts, without classes, variables, data- or aria- attributes', () => {
    const copy = inlinedCopy(pageSvg());
    const rect = copy.querySelector('rect');
    expect(rect?.style.fill).toBe('#2a5fd0');
    expect(rect?.style.stroke).toBe('#16181d');
    expect(rect?.getAttribute('class')).toBeNull();
    expect(rect?.getAttribute('data-key')).toBeNull();
    expect(copy.getAttribute('aria-hidden')).toBeNull();
    const tick = copy.querySelector('text');
    expect(tick?.style.fill).toBe('#555864');
    expect(tick?.style.fontSize).toBe('11px');
    // The presentation attribute written with a variable gets the colour itself.
    expect(copy.querySelectorAll('rect')[1]?.getAttribute('fill')).not.toContain('var(');
    expect(new XMLSerializer().serializeToString(copy)).not.toContain('var(');
  });

  it('leaves out what is not displayed and what is marked data-export="skip" (the cursor)', () => {
    const copy = inlinedCopy(pageSvg());
    expect(copy.querySelector('line')).toBeNull();
    expect(Array.from(copy.querySelectorAll('text'), (t) => t.textContent)).toEqual(['1 < 2']);
  });
});

describe('chartSvg()', () => {
  it('is a standalone SVG document: xmlns, size, viewBox, <title>, background, heading, then the chart', () => {
    const { svg, width, height } = chartSvg(pageSvg(), { title: 'Loss <&>', legend: [{ label: 'train', color: 'var(--chart-1)' }, { label: 'band', color: 'var(--chart-1)', kind: 'area' }] });
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(width).toBe(120);
    expect(height).toBeGreaterThan(60);
    expect(root.getAttribute('width')).toBe(String(width));
    expect(root.getAttribute('height')).toBe(String(height));
    expect(root.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
    expect(root.querySelector('title')?.textContent).toBe('Loss <&>');
    expect(svg).not.toContain('var(');
    // The heading: the title, then each legend key with its label.
    expect(Array.from(root.children, (c) => c.localName).slice(0, 3)).toEqual(['title', 'rect', 'text']);
    expect(Array.from(root.querySelectorAll(':scope > text'), (t) => t.textContent)).toEqual(['Loss <&>', 'train', 'band']);
    expect((root.querySelector(':scope > line') as SVGElement | null)?.style.stroke).toBe('#2a5fd0');
    // The chart, nested below the heading at its size, its own viewBox kept.
    const chart = root.querySelector(':scope > svg');
    expect(chart?.getAttribute('y')).toBe(String(height - 60));
    expect(chart?.getAttribute('viewBox')).toBe('0 0 120 60');
    expect((chart?.querySelector('rect') as SVGElement | null)?.style.fill).toBe('#2a5fd0');
  });

  it('starts the picture at its first layer: no blank margin from the frame around it', () => {
    pageSvg(120, 60);
    const framed = chartSvg(document.querySelector('.host') as Element, { title: 'Loss' });
    const chart = new DOMParser().parseFromString(framed.svg, 'image/svg+xml').documentElement.querySelector(':scope > svg');
    expect(chart?.getAttribute('x')).toBe('0');
    expect(framed.width).toBe(120);
  });

  it('embeds an image layer (a digit as a PNG data URL) where it is, its own data URL, pixelated as shown', () => {
    document.head.innerHTML = `${THEME}<style>.digit{image-rendering:pixelated}</style>`;
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    document.body.innerHTML = `<figure class="digits"><img class="digit" src="${png}" width="28" height="28" alt="a 3 read as 5"><span data-export="text">3→5</span></figure>`;
    const img = document.querySelector('img') as HTMLImageElement;
    const label = document.querySelector('span') as HTMLElement;
    vi.spyOn(img, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 10, y: 20, width: 28, height: 28 }));
    vi.spyOn(label, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 10, y: 50, width: 28, height: 14 }));
    const { svg } = chartSvg(document.querySelector('.digits') as Element, { title: 'Misclassified' });
    const image = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement.querySelector('image');
    expect(image?.getAttribute('href')).toBe(png);
    expect(image?.getAttribute('width')).toBe('28');
    expect(image?.getAttribute('style')).toBe('image-rendering:pixelated');
    expect(svg).toContain('3→5');
  });

  it('refuses a chart with nothing drawn, saying what it expected', () => {
    document.body.innerHTML = '<div class="empty"><p>no chart</p></div>';
    expect(() => chartSvg(document.querySelector('.empty') as Element, { title: 'x' })).toThrow('expected an SVG, canvas, image or table inside the chart, got none');
  });

  it('wraps a title wider than the chart onto more lines, and makes room for them', () => {
    const one = chartSvg(pageSvg(), { title: 'Loss' });
    const long = chartSvg(pageSvg(), { title: 'Gradient norm per layer, before training (step 0), on a log scale' });
    const lines = new DOMParser().parseFromString(long.svg, 'image/svg+xml').documentElement.querySelectorAll(':scope > text');
    expect(lines.length).toBeGreaterThan(1);
    expect(long.height - one.height).toBe(17 * (lines.length - 1));
  });
});
