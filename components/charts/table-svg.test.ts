// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { plainColour, tableSvgBody, visibleText } from './table-svg';

afterEach(() => vi.restoreAllMocks());

/** Gives an element the box a browser would lay it out in (happy-dom does no layout). */
function place(el: Element | null, x: number, y: number, width: number, height: number): void {
  if (!el) throw new Error('no element');
  vi.spyOn(el, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x, y, width, height }));
}

describe('plainColour()', () => {
  it('keeps rgb() and rgba(), and drops what is fully transparent', () => {
    expect(plainColour('rgb(1, 2, 3)')).toBe('rgb(1, 2, 3)');
    expect(plainColour('rgba(1, 2, 3, 0.5)')).toBe('rgba(1, 2, 3, 0.5)');
    expect(plainColour('rgba(0, 0, 0, 0)')).toBeUndefined();
    expect(plainColour('transparent')).toBeUndefined();
  });
});

describe('visibleText()', () => {
  it('leaves out what only a screen reader gets', () => {
    document.body.innerHTML = '<td>4 <b>2</b><span class="visually-hidden"> (picked)</span></td>';
    expect(visibleText(document.body)).toBe('4 2');
  });
});

describe('tableSvgBody()', () => {
  it('draws each cell where it is, its background and dashed border, and its visible text aligned as the page aligns it', () => {
    document.body.innerHTML = `<table>
      <caption style="text-align: left; padding: 0">Input x (1 × 2)</caption>
      <tr><th style="text-align: center; padding: 0">0</th>
        <td style="text-align: center; padding: 0; background-color: rgb(10, 20, 30); border: 2px dashed rgb(200, 0, 0); color: rgb(1, 1, 1)">4<span class="visually-hidden"> (picked)</span></td>
        <td style="text-align: right; padding: 0 3px 0 0">−1.5</td></tr>
    </table>`;
    const table = document.querySelector('table');
    place(table, 100, 50, 90, 50);
    place(document.querySelector('caption'), 100, 50, 90, 20);
    const [th, td, right] = Array.from(document.querySelectorAll('th, td'));
    place(th ?? null, 100, 70, 20, 30);
    place(td ?? null, 120, 70, 30, 30);
    place(right ?? null, 150, 70, 40, 30);
    const svg = new DOMParser().parseFromString(`<svg xmlns="http://www.w3.org/2000/svg">${tableSvgBody(table as HTMLTableElement)}</svg>`, 'image/svg+xml').documentElement;
    const texts = Array.from(svg.querySelectorAll('text'), (t) => [t.textContent, t.getAttribute('x'), t.getAttribute('y'), (t as SVGElement).style.textAnchor]);
    expect(texts).toEqual([
      ['Input x (1 × 2)', '0', '10', 'start'],
      ['0', '10', '35', 'middle'],
      ['4', '35', '35', 'middle'],
      ['−1.5', '87', '35', 'end'],
    ]);
    // The one box with a background or a border: inset by half its 2 px border, dashed.
    const rect = svg.querySelector('rect') as SVGElement | null;
    expect([rect?.getAttribute('x'), rect?.getAttribute('y'), rect?.getAttribute('width'), rect?.getAttribute('height')]).toEqual(['21', '21', '28', '28']);
    expect(rect?.style.fill).toBe('rgb(10, 20, 30)');
    expect(rect?.style.stroke).toBe('rgb(200, 0, 0)');
    expect(rect?.style.strokeDasharray).toBe('6');
  });
});
