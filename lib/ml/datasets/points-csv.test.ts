import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStrictNumber } from '../../common';
import { MAX_POINTS, parsePointsCsv, pointsToCsv, type LabelledPoint, type PointsCsvResult } from './points-csv';

const rowsOf = (n: number, label: string, at = 0): string[] => Array.from({ length: n }, (_, i) => `${at + i},${i === 0 ? 0 : -i / 4},${label}`);
const csv = (...lines: string[]): string => lines.join('\n');
const GOOD = csv('x1,x2,label', ...rowsOf(4, '0'), ...rowsOf(4, '1', 10));

function errorOf(result: PointsCsvResult): string {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}

function fileOf(result: PointsCsvResult) {
  if (!result.ok) throw new Error(`expected the file to parse, got: ${result.error}`);
  return result.file;
}

describe('parsePointsCsv()', () => {
  it('parsePointsCsv() reads a header and points, labels 0 and 1 as they are', () => {
    const file = fileOf(parsePointsCsv(GOOD));
    expect(file.labels).toEqual(['0', '1']);
    expect(file.points).toHaveLength(8);
    expect(file.points[0]).toEqual([0, 0, 0]); // written as -0 / 4, read as 0
    expect(file.points[5]).toEqual([11, -0.25, 1]);
  });

  it('parsePointsCsv() keeps 0 and 1 when 1 comes first, and numbers other labels by first appearance', () => {
    const ones = fileOf(parsePointsCsv(csv('x1,x2,label', ...rowsOf(4, '1'), ...rowsOf(4, '0'))));
    expect(ones.labels).toEqual(['0', '1']);
    expect(ones.points[0]?.[2]).toBe(1);
    const named = fileOf(parsePointsCsv(csv('x1,x2,label', ...rowsOf(4, 'dog'), ...rowsOf(4, 'cat'))));
    expect(named.labels).toEqual(['dog', 'cat']);
    expect(named.points.map((p) => p[2])).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
  });

  it('parsePointsCsv() reads RFC 4180 quoting, CRLF and CR line ends, a BOM, blank lines and spaces', () => {
    const text = '\ufeffX1, x2 ,Label\r\n\r\n' + [...rowsOf(4, '"a, ""b"""'), ...rowsOf(3, '"two\r\nlines"'), '" 7 ", 8 ,"two\r\nlines"'].join('\r\n') + '\r\n\r\n';
    const file = fileOf(parsePointsCsv(text));
    expect(file.labels).toEqual(['a, "b"', 'two\r\nlines']);
    expect(file.points).toHaveLength(8);
    expect(file.points[7]).toEqual([7, 8, 1]);
    expect(fileOf(parsePointsCsv(GOOD.replaceAll('\n', '\r'))).points).toHaveLength(8);
  });

  it('parsePointsCsv() names the line and column of a value that is not a number', () => {
    const lines = GOOD.split('\n');
    lines[6] = '5,abc,1';
    expect(errorOf(parsePointsCsv(lines.join('\n')))).toBe("line 7, column x2: expected a number, got 'abc'");
    lines[6] = 'Infinity,1,1';
    expect(errorOf(parsePointsCsv(lines.join('\n')))).toBe("line 7, column x1: expected a number, got 'Infinity'");
    lines[6] = ',1,1';
    expect(errorOf(parsePointsCsv(lines.join('\n')))).toBe("line 7, column x1: expected a number, got ''");
  });

  it('parsePointsCsv() counts lines across blank lines and quoted line breaks', () => {
    const text = csv('x1,x2,label', '', '1,2,"a', 'b"', '3,x,0');
    expect(errorOf(parsePointsCsv(text))).toBe("line 5, column x2: expected a number, got 'x'");
  });

  it('parsePointsCsv() asks for the header x1,x2,label and says what it got', () => {
    expect(errorOf(parsePointsCsv(csv('a,b,c', ...rowsOf(8, '0'))))).toBe("line 1: expected the header x1,x2,label, got 'a,b,c'");
    expect(errorOf(parsePointsCsv(csv('x1,x2', '1,2')))).toBe("line 1: expected the header x1,x2,label, got 'x1,x2'");
    expect(errorOf(parsePointsCsv(csv('1,2,0', ...rowsOf(8, '0'))))).toBe("line 1: expected the header x1,x2,label, got '1,2,0'");
    expect(errorOf(parsePointsCsv(''))).toBe('The file is empty: expected the header x1,x2,label and at least 4 points of each class.');
  });

  it('parsePointsCsv() refuses a row with the wrong number of values', () => {
    expect(errorOf(parsePointsCsv(`${GOOD}\n1,2,0,9`))).toBe("line 10: expected 3 values (x1, x2, label), got 4: '1,2,0,9'");
    expect(errorOf(parsePointsCsv(`${GOOD}\n1;2;0`))).toBe("line 10: expected 3 values (x1, x2, label), got 1: '1;2;0'");
  });

  it('parsePointsCsv() refuses more than 2,000 rows, saying how many it got', () => {
    const text = csv('x1,x2,label', ...rowsOf(1001, '0'), ...rowsOf(1001, '1'));
    expect(errorOf(parsePointsCsv(text))).toBe('Too many rows: expected at most 2,000 points, got 2,002.');
    expect(fileOf(parsePointsCsv(csv('x1,x2,label', ...rowsOf(MAX_POINTS / 2, '0'), ...rowsOf(MAX_POINTS / 2, '1')))).points).toHaveLength(MAX_POINTS);
  });

  it('parsePointsCsv() wants exactly two classes with at least 4 points each', () => {
    expect(errorOf(parsePointsCsv(`${GOOD}\n1,2,2`))).toBe("line 10, column label: expected one of the two labels '0' and '1', got a third, '2'");
    expect(errorOf(parsePointsCsv(csv('x1,x2,label', ...rowsOf(8, 'a'))))).toBe("Only one class: expected two labels, got only 'a'.");
    expect(errorOf(parsePointsCsv(csv('x1,x2,label', ...rowsOf(6, 'a'), ...rowsOf(3, 'b'))))).toBe("Too few points of class 'b': expected at least 4 of each class, got 3.");
    expect(errorOf(parsePointsCsv('x1,x2,label\n'))).toBe('No points: expected at least 4 points of each of two classes after the header.');
    expect(errorOf(parsePointsCsv(`${GOOD}\n1,2,`))).toBe('line 10, column label: expected a label, got an empty value');
  });

  it('parsePointsCsv() names the line of a quote left open or followed by text', () => {
    expect(errorOf(parsePointsCsv(`${GOOD}\n1,2,"open`))).toBe('line 10: expected a closing " for the quoted value opened on this line, got the end of the file');
    expect(errorOf(parsePointsCsv(`${GOOD}\n1,2,"a"b`))).toBe("line 10: expected a comma or the end of the line after a closing \", got 'b'");
  });
});

describe('pointsToCsv()', () => {
  const label = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() === s && s !== '' && !s.includes('\ufeff'));
  // Labels that read as 1 then 0 keep their numeric meaning (class 1 first), so they are not written in that order here.
  const labels = fc.tuple(label, label).filter(([a, b]) => a !== b && !(parseStrictNumber(a) === 1 && parseStrictNumber(b) === 0));
  const point = fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom<0 | 1>(0, 1));

  it('pointsToCsv() writes points that parsePointsCsv() reads back exactly, whatever the labels', () => {
    fc.assert(
      fc.property(labels, fc.array(point, { minLength: 0, maxLength: 40 }), (names, extra) => {
        // Class 0 first, so the labels keep their order; at least 4 of each class.
        const points: LabelledPoint[] = [[0, 0, 0], [1, 1, 0], [2, 2, 0], [3, 3, 0], [4, 4, 1], [5, 5, 1], [6, 6, 1], [7, 7, 1], ...extra];
        const file = fileOf(parsePointsCsv(pointsToCsv(points, names)));
        expect(file.labels).toEqual(names);
        expect(file.points).toHaveLength(points.length);
        file.points.forEach((p, i) => {
          const q = points[i]!;
          expect(p[0] === q[0] && p[1] === q[1] && p[2] === q[2], `row ${i}: ${String(p)} vs ${String(q)}`).toBe(true);
        });
      }),
      { numRuns: 300, seed: 16 },
    );
  });
});
