import { describe, expect, it } from 'vitest';
import { arange, tensor, zeros } from '../engine';
import { toDisplayItem, toPlotItem } from './display';
import { LIMITS, type Output } from './outputs';
import { parseKernelMessage, parseOutput, parseRunMessage } from './protocol';

describe('parseOutput()', () => {
  it('accepts, unchanged, every kind of output the kernel makes', () => {
    const items = [
      toDisplayItem(tensor([[1, 2], [3, 4]]), { title: 't' }),
      toDisplayItem(zeros([300, 300])),
      toDisplayItem([{ a: 1 }, { a: 'x', b: null }]),
      toDisplayItem({ k: 1 }),
      toDisplayItem('text'),
      toPlotItem(arange(5000), { title: 'long', xLabel: 'step', yLabel: 'loss' }),
      toPlotItem({ x: [1, 2], y: [NaN, 1] }, { kind: 'scatter' }),
      toPlotItem([{ y: [1, 2] }, { y: [1, 2], dashed: true }]),
      toPlotItem([[1, 2], [3, Infinity]]),
    ];
    const outputs: Output[] = [
      ...items.map((item): Output => ({ type: 'display', item })),
      { type: 'stream', name: 'stderr', text: 'warn\n' },
      { type: 'value', text: 'tensor(1.)' },
      { type: 'notice', text: 'cut' },
      { type: 'error', name: 'RangeError', message: 'bad', line: 3, stack: ['at cell [1], line 3'] },
      { type: 'error', name: 'SyntaxError', message: 'Unexpected token', line: 1, column: 4, stack: [] },
    ];
    for (const o of outputs) expect(parseOutput(JSON.parse(JSON.stringify(o)))).toEqual(o);
  });

  it('refuses malformed and oversized outputs', () => {
    const table = toDisplayItem(tensor([[1, 2]]));
    const bad: unknown[] = [
      null,
      'text',
      { type: 'stream', name: 'stdin', text: 'x' },
      { type: 'stream', name: 'stdout', text: 5 },
      { type: 'stream', name: 'stdout', text: 'x'.repeat(2 * LIMITS.streamChars + 1) },
      { type: 'value' },
      { type: 'html', text: '<b>' },
      { type: 'display', item: { kind: 'html', text: '<img src=x onerror=alert(1)>' } },
      { type: 'display', item: { ...table, rows: Array.from({ length: LIMITS.tableRows + 1 }, () => ['1']) } },
      { type: 'display', item: { ...table, rows: [[{ toString: 'x' }]] } },
      { type: 'display', item: { ...table, numeric: [true] } },
      { type: 'display', item: { kind: 'heatmap', rows: 2, columns: 2, values: [1, 2, 3], text: '' } },
      { type: 'display', item: { kind: 'heatmap', rows: 2, columns: 1, values: [1, NaN], text: '' } },
      { type: 'display', item: { kind: 'chart', chart: 'pie', series: [], text: '' } },
      { type: 'display', item: { kind: 'chart', chart: 'line', series: [{ label: 'a', x: [1], y: [] }], text: '' } },
      { type: 'error', name: 'Error', message: 'm', line: 0, stack: [] },
      { type: 'error', name: 'Error', message: 'm', stack: 'at x' },
    ];
    for (const b of bad) expect(parseOutput(b), JSON.stringify(b)?.slice(0, 80)).toBeUndefined();
  });
});

describe('parseKernelMessage() and parseRunMessage()', () => {
  it('accept the messages of the protocol', () => {
    expect(parseKernelMessage({ kind: 'ready' })).toEqual({ kind: 'ready' });
    expect(parseKernelMessage({ kind: 'done', id: 3, status: 'error' })).toEqual({ kind: 'done', id: 3, status: 'error' });
    expect(parseKernelMessage({ kind: 'output', id: 1, output: { type: 'value', text: '1' } })).toEqual({ kind: 'output', id: 1, output: { type: 'value', text: '1' } });
    expect(parseKernelMessage({ kind: 'crashed', message: 'boom' })).toEqual({ kind: 'crashed', message: 'boom' });
    const result = { name: 'w: shape', passed: false, message: 'expected shape (3, 2); got (2, 3)' };
    expect(parseKernelMessage({ kind: 'check', id: 4, result: { ...result, extra: 'dropped' } })).toEqual({ kind: 'check', id: 4, result });
    expect(parseRunMessage({ kind: 'run', id: 1, count: 2, code: 'x' })).toEqual({ kind: 'run', id: 1, count: 2, code: 'x' });
    const libraries = [{ name: 'hyperparameter-search', source: 'exports.a = 1;' }, { name: 'hyperparameter-search' }];
    expect(parseRunMessage({ kind: 'run', id: 1, count: 2, code: 'x', libraries })).toEqual({ kind: 'run', id: 1, count: 2, code: 'x', libraries });
  });

  it('refuse anything else', () => {
    for (const m of [undefined, [], { kind: 'done', id: -1, status: 'ok' }, { kind: 'done', id: 1.5, status: 'ok' }, { kind: 'done', id: 1, status: 'maybe' }, { kind: 'output', id: 1, output: {} }, { kind: 'eval', code: '1' },
      { kind: 'check', id: 1, result: { name: 'a', passed: 'yes', message: '' } }, { kind: 'check', id: 1, result: { name: 'a', passed: true } },
      { kind: 'check', id: 1, result: { name: 'x'.repeat(100_000), passed: true, message: '' } }, { kind: 'check', id: 1 }]) {
      expect(parseKernelMessage(m)).toBeUndefined();
    }
    expect(parseRunMessage({ kind: 'run', id: 1, count: 1 })).toBeUndefined();
    // A library the kernel does not know, or one without its code, is refused with the run.
    expect(parseRunMessage({ kind: 'run', id: 1, count: 1, code: 'x', libraries: [{ name: 'nope', source: '' }] })).toBeUndefined();
    expect(parseRunMessage({ kind: 'run', id: 1, count: 1, code: 'x', libraries: [{ name: 'hyperparameter-search', source: 1 }] })).toBeUndefined();
    expect(parseRunMessage({ kind: 'run', id: 1, count: 1, code: 'x', libraries: 'hyperparameter-search' })).toBeUndefined();
  });
});
