import { describe, expect, it } from 'vitest';
import { arange, tensor, zeros } from '../engine';
import { toDisplayItem, toPlotItem } from './display';
import { LIMITS } from './outputs';

describe('toDisplayItem()', () => {
  it('shows a small matrix as a table in PyTorch notation, with row and column indices', () => {
    expect(toDisplayItem(tensor([[1, 2.5], [-3, 1e-5]]), { title: 'W' })).toEqual({
      kind: 'table',
      title: 'W',
      columns: ['0', '1'],
      rowLabels: ['0', '1'],
      rows: [['1.0000e+00', '2.5000e+00'], ['-3.0000e+00', '1.0000e-05']],
      numeric: [true, true],
      text: 'W\n\t0\t1\n0\t1.0000e+00\t2.5000e+00\n1\t-3.0000e+00\t1.0000e-05',
    });
    expect(toDisplayItem(tensor([0.5, 1]))).toMatchObject({ columns: ['value'], rows: [['0.5000'], ['1.0000']] });
  });

  it('shows a large or 3-D tensor as a heatmap of its last two dimensions, saying what it shows', () => {
    const big = toDisplayItem(arange(30 * 40).reshape([30, 40]));
    expect(big).toMatchObject({ kind: 'heatmap', rows: 30, columns: 40, text: 'Heatmap of 30 × 40 values, values from 0 to 1199.' });
    const cube = toDisplayItem(zeros([2, 3, 4]));
    expect(cube).toMatchObject({ kind: 'heatmap', rows: 3, columns: 4, note: 'showing x[0] of a tensor of shape [2, 3, 4]' });
    expect(toDisplayItem(arange(4).reshape([2, 2]), { as: 'heatmap' })).toMatchObject({ kind: 'heatmap', values: [0, 1, 2, 3] });
  });

  it('cuts a long table and a wide one, with a note', () => {
    const item = toDisplayItem(zeros([500, 30]), { as: 'table' });
    expect(item).toMatchObject({ kind: 'table', note: `showing ${LIMITS.tableRows} of 500 rows; showing ${LIMITS.tableColumns} of 30 columns` });
    expect(item.kind === 'table' && item.rows.length).toBe(LIMITS.tableRows);
    expect(item.kind === 'table' && item.rows[0]!.length).toBe(LIMITS.tableColumns);
  });

  it('samples a heatmap over 100 cells a side', () => {
    const item = toDisplayItem(zeros([250, 90]));
    expect(item).toMatchObject({ kind: 'heatmap', rows: 84, columns: 90, note: 'showing every 3rd row and column of 250 × 90' });
  });

  it('shows records, rows and columns of plain data as tables', () => {
    expect(toDisplayItem([{ fn: 'relu', slope: 1 }, { fn: 'tanh', slope: 0.419974341614 }])).toMatchObject({
      columns: ['fn', 'slope'],
      rows: [['relu', '1'], ['tanh', '0.419974']],
      numeric: [false, true],
    });
    expect(toDisplayItem({ x: [1, 2], y: tensor([3, 4]) })).toMatchObject({ columns: ['x', 'y'], rows: [['1', '3'], ['2', '4']] });
    expect(toDisplayItem({ loss: 0.25, acc: 'high' })).toMatchObject({ columns: ['key', 'value'], rows: [['loss', '0.25'], ['acc', 'high']] });
    expect(toDisplayItem([[1, 'a'], [2, 'b']])).toMatchObject({ columns: ['0', '1'], numeric: [true, false] });
  });

  it('shows anything else as text', () => {
    expect(toDisplayItem('hello')).toEqual({ kind: 'text', text: 'hello' });
    expect(toDisplayItem(tensor(2))).toEqual({ kind: 'text', text: 'tensor(2.)' });
    expect(toDisplayItem(42)).toEqual({ kind: 'text', text: '42' });
  });

  it('refuses bad options with what was expected', () => {
    expect(() => toDisplayItem(1, { as: 'chart' as 'table' })).toThrow("display: expected as to be 'table', 'heatmap' or 'text', got 'chart'");
    expect(() => toDisplayItem(tensor([1, 2]), { as: 'heatmap' })).toThrow('display: a heatmap needs a tensor of at least 2 dimensions, got shape [2]');
  });
});

describe('toPlotItem()', () => {
  it('plots numbers against their index, or y against x', () => {
    expect(toPlotItem([1, 4, 9], { title: 'Squares' })).toEqual({
      kind: 'chart',
      chart: 'line',
      title: 'Squares',
      series: [{ label: 'y', x: [0, 1, 2], y: [1, 4, 9] }],
      text: 'Line chart "Squares". y: 3 points, x from 0 to 2, y from 1 to 9.',
    });
    const item = toPlotItem({ x: tensor([-1, 0, 1]), y: tensor([1, NaN, 3]), label: 'f' }, { kind: 'scatter', xLabel: 'z' });
    expect(item).toMatchObject({ chart: 'scatter', xLabel: 'z', series: [{ label: 'f', x: [-1, 0, 1], y: [1, null, 3] }] });
  });

  it('plots several series: a list of { x, y, label }, or rows of y sharing x', () => {
    const list = toPlotItem([{ x: [0, 1], y: [0, 1], label: 'a' }, { x: [0, 1], y: [1, 0], dashed: true }]);
    expect(list.kind === 'chart' && list.series.map((s) => [s.label, s.dashed])).toEqual([['a', undefined], ['series 2', true]]);
    const rows = toPlotItem({ x: [0, 1, 2], y: tensor([[1, 2, 3], [3, 2, 1]]), label: 'row' });
    expect(rows.kind === 'chart' && rows.series.map((s) => s.label)).toEqual(['row 0', 'row 1']);
  });

  it('draws a matrix as a heatmap', () => {
    expect(toPlotItem([[1, 2], [3, 4]], { title: 'M' })).toMatchObject({ kind: 'heatmap', title: 'M', rows: 2, columns: 2, values: [1, 2, 3, 4] });
  });

  it('samples a long series, and says so', () => {
    const item = toPlotItem(arange(10_000));
    expect(item.kind === 'chart' && item.series[0]!.y.length).toBe(2001);
    expect(item).toMatchObject({ note: 'y: showing every 5th of 10,000 points' });
  });

  it('explains data it cannot plot', () => {
    expect(() => toPlotItem('abc')).toThrow('plot: expected numbers, a Tensor, { x, y } or a list of { x, y, label }, got a string');
    expect(() => toPlotItem({ x: [1, 2], y: [1] })).toThrow('plot: x has 2 values but y has 1');
    expect(() => toPlotItem({ y: [1, 'a'] })).toThrow('plot: expected y to be a Tensor or an array of numbers, got an array containing a string');
    expect(() => toPlotItem([[1, 2], [3]])).toThrow('plot: a heatmap needs rows of equal length; row 0 has 2 values, row 1 has 1');
    expect(() => toPlotItem([1], { kind: 'bar' as 'line' })).toThrow("plot: expected kind to be 'line', 'scatter' or 'heatmap', got 'bar'");
  });
});
