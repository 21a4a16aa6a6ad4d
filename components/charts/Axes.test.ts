// @vitest-environment happy-dom
import { scaleLinear } from 'd3-scale';
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Axes } from './Axes';

/** The x tick labels Axes draws for a 0–2,000 axis from 52 to 321 px, with their anchors. */
function xTicks(): [string, string][] {
  const root = document.createElement('div');
  const x = scaleLinear().domain([0, 2000]).range([52, 321]);
  const y = scaleLinear().domain([0, 1]).range([146, 10]);
  render(h('svg', null, h(Axes, { x, y, xTicks: 4 })), root);
  const ticks = [...root.querySelectorAll('text.axes__tick')].filter((t) => t.getAttribute('y') === String(146 + 16));
  return ticks.map((t) => [t.textContent ?? '', t.getAttribute('text-anchor') ?? '']);
}

describe('Axes', () => {
  it('centres the x tick labels on their ticks, but ends the one at the axis\' right end there, inside the plot\'s margin', () => {
    expect(xTicks()).toEqual([
      ['0', 'middle'],
      ['500', 'middle'],
      ['1,000', 'middle'],
      ['1,500', 'middle'],
      ['2,000', 'end'],
    ]);
  });
});
