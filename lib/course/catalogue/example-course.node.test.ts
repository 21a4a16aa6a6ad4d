import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../notebook/kernel';
import { nodeRealm } from '../../notebook/realm.node';
import { readCourseFile, runCodeExercise, type CodeSpec } from '../exercises';
import { allExercises, exerciseById } from './index';

// The teacher's guide's worked example (examples/course): it must stay a course the grader accepts.
const DIR = 'examples/course';
const startKernel = (options: Parameters<typeof createKernel>[1]) => createKernel(nodeRealm(), options);
/** The starter lines each solution's ```ts fence replaces (undefined: the fence is the whole answer). */
const PLACEHOLDERS: Readonly<Record<string, string | undefined>> = {
  'pooling/max-pool-backward': 'const pooled = x; // replace x by the pooled map\nconst nonzero = 0; // count the nonzero entries of x.grad',
  'vanishing-gradients/xavier-layer': undefined,
};
const hiddenFiles = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? hiddenFiles(join(dir, e.name)) : [join(dir, e.name)]));

describe('the example course', () => {
  const read = readCourseFile(readFileSync(join(DIR, 'course.yaml'), 'utf8'), { fileName: 'course.yaml', exerciseIds: new Set(allExercises.map((e) => e.id)) });

  it('is a valid course file whose exercises all exist', () => {
    expect(read.ok ? [] : read.errors).toEqual([]);
  });

  const courseIds = read.ok ? read.course.assignments.flatMap((a) => a.exercises.map((e) => e.id)) : [];
  for (const file of hiddenFiles(join(DIR, 'hidden'))) {
    const id = relative(join(DIR, 'hidden'), file).replace(/\.ts$/, '');
    it(`hidden/${id}.ts belongs to a code exercise of the course, passes its solution and fails its starter`, async () => {
      expect(courseIds).toContain(id);
      const spec = exerciseById(id);
      expect(spec?.kind).toBe('code');
      const code = spec as CodeSpec;
      const hiddenChecks = readFileSync(file, 'utf8');
      const solution = /```ts\n([\s\S]*?)```/.exec(code.solution)?.[1];
      expect(solution, 'the solution has a ts code block').toBeDefined();
      expect(Object.keys(PLACEHOLDERS), 'how to put its solution into its starter is known').toContain(id);
      const placeholder = PLACEHOLDERS[id];
      if (placeholder !== undefined) expect(code.starter).toContain(placeholder);
      const answer = placeholder === undefined ? solution! : code.starter.replace(placeholder, solution!);
      const solved = await runCodeExercise(code, answer, { startKernel, hiddenChecks });
      expect(solved.feedback).toMatch(/^All \d+ checks passed\.$/);
      const starter = await runCodeExercise(code, code.starter, { startKernel, hiddenChecks });
      expect(starter.correct).toBe(false);
    });
  }
});

describe("the example course's hidden checks", () => {
  it('catch what the visible ones cannot: a count typed in without running backward', async () => {
    const spec = exerciseById('pooling/max-pool-backward') as CodeSpec;
    const typedIn = spec.starter.replace('const pooled = x; // replace x by the pooled map\nconst nonzero = 0; // count the nonzero entries of x.grad', 'const pooled = maxPool2d(x, 2);\nconst nonzero = 4;');
    const visibleOnly = await runCodeExercise(spec, typedIn, { startKernel });
    expect(visibleOnly.correct).toBe(true);
    const graded = await runCodeExercise(spec, typedIn, { startKernel, hiddenChecks: readFileSync(join(DIR, 'hidden/pooling/max-pool-backward.ts'), 'utf8') });
    expect(graded.correct).toBe(false);
    expect(graded.feedback).toContain('✗ backward was run');
  });
});
