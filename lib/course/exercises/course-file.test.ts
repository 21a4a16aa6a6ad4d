import { describe, expect, it } from 'vitest';
import { readCourseFile } from './course-file';

const KNOWN = new Set(['pooling/size', 'pooling/stride', 'vanishing-gradients/tanh-init']);
const GOOD = `id: ml-2026
title: Deep learning, autumn 2026
assignments:
  - id: week-1
    title: Pooling
    due: 2026-12-15
    solutions: after-due
    exercises:
      - id: pooling/size
      - id: pooling/stride
        points: 2
  - id: week-2
    title: Gradients
    due: 2026-12-22T23:59:00Z
    solutions: never
    exercises:
      - id: vanishing-gradients/tanh-init
`;
const errors = (text: string): readonly string[] => {
  const read = readCourseFile(text, { exerciseIds: KNOWN });
  return read.ok ? [] : read.errors;
};

describe('readCourseFile()', () => {
  it('reads a course', () => {
    const read = readCourseFile(GOOD, { exerciseIds: KNOWN });
    expect(read.ok && read.course.assignments.map((a) => [a.id, a.due, a.exercises.length])).toEqual([
      ['week-1', '2026-12-15', 2],
      ['week-2', '2026-12-22T23:59:00Z', 1],
    ]);
    expect(read.ok && read.course.assignments[0]?.exercises[1]).toEqual({ id: 'pooling/stride', points: 2 });
  });

  it('points at the line and column of a bad value', () => {
    expect(errors(GOOD.replace('due: 2026-12-15', 'due: next friday'))).toEqual([
      'course.yaml:6:10: assignments[0].due: expected an ISO date such as 2026-12-15 or 2026-12-15T23:59:00Z',
    ]);
    expect(errors(GOOD.replace('points: 2', 'points: -2'))).toEqual([expect.stringMatching(/^course\.yaml:11:17: assignments\[0\]\.exercises\[1\]\.points: .*>0/)]);
    expect(errors(GOOD.replace('solutions: never', 'solutions: sometimes'))[0]).toMatch(/^course\.yaml:15:16: assignments\[1\]\.solutions: .*"always"/);
  });

  it('points a missing or unknown key at its map', () => {
    expect(errors(GOOD.replace('    title: Pooling\n', ''))[0]).toMatch(/^course\.yaml:4:5: assignments\[0\]\.title: /);
    expect(errors(GOOD.replace('    solutions: never', '    solution: never'))).toHaveLength(2);
  });

  it('refuses an unknown exercise id, suggesting the lesson\'s ids', () => {
    expect(errors(GOOD.replace('pooling/stride', 'pooling/strides'))).toEqual([
      'course.yaml:10:13: assignments[0].exercises[1].id: expected an exercise id of the catalogue; got "pooling/strides", which is none; pooling has pooling/size, pooling/stride',
    ]);
    expect(errors(GOOD.replace('pooling/stride', 'pooling/size'))[0]).toContain('exercise "pooling/size" is listed twice');
  });

  it('reports a YAML syntax error at its place, and reads JSON', () => {
    expect(errors('id: [unclosed\n')[0]).toMatch(/^course\.yaml:\d+:\d+: /);
    const json = JSON.stringify({ id: 'c', title: 'T', assignments: [{ id: 'a', title: 'A', due: '2026-01-01', solutions: 'always', exercises: [{ id: 'pooling/size' }] }] });
    expect(readCourseFile(json, { exerciseIds: KNOWN }).ok).toBe(true);
  });
});
