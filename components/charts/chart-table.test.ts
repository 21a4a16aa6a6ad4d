import { describe, expect, it } from 'vitest';
import { csvField, exportFileStem, gridTable, planesTable, seriesTable, toCsv } from './chart-table';

/** Splits RFC 4180 text into records of fields (quoted fields may hold commas, quotes and line breaks): an independent reader for the tests. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  return records;
}

describe('toCsv()', () => {
  it('writes a header of the column names and one CRLF-ended record per row', () => {
    expect(toCsv({ columns: ['step', 'loss'], rows: [[0, 1.5], [1, 0.25]] })).toBe('step,loss\r\n0,1.5\r\n1,0.25\r\n');
  });

  it('quotes fields with commas, quotes and line breaks, doubling inner quotes (RFC 4180)', () => {
    const table = { columns: ['name, unit', 'say "hi"'], rows: [['a\nb', 'c\r\nd'], ['plain', '']] };
    const text = toCsv(table);
    expect(text.split('\r\n')[0]).toBe('"name, unit","say ""hi"""');
    expect(parseCsv(text)).toEqual([
      ['name, unit', 'say "hi"'],
      ['a\nb', 'c\r\nd'],
      ['plain', ''],
    ]);
  });

  it('writes numbers at full precision: each reads back as the same double', () => {
    const values = [0.1 + 0.2, Math.PI, 1e-300, -123456789.123456789, Math.fround(0.1), 5e-324, Number.MAX_VALUE];
    const records = parseCsv(toCsv({ columns: ['v'], rows: values.map((v) => [v]) }));
    expect(records.slice(1).map((r) => Number(r[0]))).toEqual(values);
    expect(records[1]?.[0]).toBe('0.30000000000000004');
    expect(records[5]?.[0]).toBe('0.10000000149011612');
  });

  it('writes NaN and ±Infinity as text, an empty cell as nothing, and −0 as 0', () => {
    expect(toCsv({ columns: ['a', 'b', 'c', 'd', 'e'], rows: [[NaN, Infinity, -Infinity, undefined, -0]] })).toBe('a,b,c,d,e\r\nNaN,Infinity,-Infinity,,0\r\n');
  });

  it('refuses a row whose length is not the number of columns, naming it', () => {
    expect(() => toCsv({ columns: ['a', 'b'], rows: [[1, 2], [3]] })).toThrow('expected every row to have 2 cells (one per column), got 1 in row 2');
  });
});

describe('csvField()', () => {
  it('leaves a field without special characters as it is', () => {
    expect(csvField('train loss')).toBe('train loss');
    expect(csvField(-2.5)).toBe('-2.5');
  });
});

describe('seriesTable()', () => {
  it('names the x column and one column per series by its label', () => {
    const table = seriesTable('step', [
      { label: 'train', x: [0, 1], y: [3, 2] },
      { label: 'test', x: [0, 1], y: [4, 5] },
    ]);
    expect(table.columns).toEqual(['step', 'train', 'test']);
    expect(table.rows).toEqual([
      [0, 3, 4],
      [1, 2, 5],
    ]);
  });

  it('aligns series of different lengths on x, leaving cells empty where a series has no point', () => {
    // A minibatch loss every step, a test loss every second step (and one more step of it).
    const table = seriesTable('step', [
      { label: 'minibatch', x: Float64Array.from([0, 1, 2, 3]), y: Float32Array.from([1, 0.5, 0.25, 0.125]) },
      { label: 'test', x: [0, 2, 4], y: [0.9, 0.3, NaN] },
    ]);
    expect(table.rows).toEqual([
      [0, 1, 0.9],
      [1, 0.5, undefined],
      [2, 0.25, 0.3],
      [3, 0.125, undefined],
      [4, undefined, NaN],
    ]);
    expect(toCsv(table)).toBe('step,minibatch,test\r\n0,1,0.9\r\n1,0.5,\r\n2,0.25,0.3\r\n3,0.125,\r\n4,,NaN\r\n');
  });

  it('keeps a repeated x as one row per repeat, and reads only as far as both x and y go', () => {
    const table = seriesTable('x', [
      { label: 'a', x: [1, 1, 0, 9], y: [10, 11, 12] },
      { label: 'b', x: [1], y: [20] },
    ]);
    expect(table.rows).toEqual([
      [0, 12, undefined],
      [1, 10, 20],
      [1, 11, undefined],
    ]);
  });

  it('orders infinite x-values by size and puts NaN x-values last', () => {
    const table = seriesTable('x', [{ label: 'a', x: [NaN, Infinity, 0, -Infinity], y: [1, 2, 3, 4] }]);
    expect(table.rows.map((r) => r[0])).toEqual([-Infinity, 0, Infinity, NaN]);
  });
});

describe('gridTable()', () => {
  it('lays a row-major map out as it is drawn: a row number, then one column per map column', () => {
    expect(toCsv(gridTable([1, 2, 3, 4, 5, NaN], 2, 3))).toBe('row,column 1,column 2,column 3\r\n1,1,2,3\r\n2,4,5,NaN\r\n');
    expect(() => gridTable([1, 2, 3], 2, 2)).toThrow('expected 4 values (2 × 2), got 3');
  });

  it('counts rows and columns from 0 where the widget does', () => {
    expect(toCsv(gridTable([1, 2, 3, 4], 2, 2, 0))).toBe('row,column 0,column 1\r\n0,1,2\r\n1,3,4\r\n');
  });
});

describe('planesTable()', () => {
  it('stacks C × H × W planes as rows, each named by its plane, indices from `first`', () => {
    const values = [1, 2, 3, 4, 10, 20, 30, 40];
    expect(toCsv(planesTable(values, ['R', 'G'], 2, 2, 0))).toBe(
      'channel,row,column 0,column 1\r\nR,0,1,2\r\nR,1,3,4\r\nG,0,10,20\r\nG,1,30,40\r\n',
    );
    expect(toCsv(planesTable(values, ['1', '2'], 2, 2, 1, 'filter')).split('\r\n')[0]).toBe('filter,row,column 1,column 2');
    expect(() => planesTable(values, ['R', 'G', 'B'], 2, 2)).toThrow('planesTable: expected 12 values (3 × 2 × 2), got 8');
  });
});

describe('exportFileStem()', () => {
  it('joins the parts as lower-case words with hyphens, skipping missing and empty ones', () => {
    expect(exportFileStem(['vanishing-gradients ', 'Run A', undefined, 'Loss'])).toBe('vanishing-gradients-run-a-loss');
    expect(exportFileStem(['Gradient norm per layer, step 0 (log scale)'])).toBe('gradient-norm-per-layer-step-0-log-scale');
    expect(exportFileStem(['Naïve', 'σ', 'café'])).toBe('naive-cafe');
    expect(exportFileStem([' ', undefined])).toBe('chart');
  });
});
