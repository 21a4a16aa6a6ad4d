/**
 * A course, hidden tests and hand-ins for the grader's tests and benchmark: good, partial,
 * malicious (an endless loop, memory exhaustion, escapes to read /etc/passwd or the hidden tests,
 * 100 MB of prints, tampering with built-ins) and malformed (broken JSON, another course, too big).
 * Generated (with the current content hashes) rather than committed, so they never go stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The course file. */
export const COURSE_YAML = `id: nn-test
title: Neural networks, test course
assignments:
  - id: gradients
    title: Vanishing gradients
    due: 2026-12-15
    solutions: after-due
    exercises:
      - id: vanishing-gradients/sigmoid-slope
      - id: vanishing-gradients/tanh-init
      - id: vanishing-gradients/xavier-layer
        points: 4
`;

/** The teacher's hidden checks for the code exercise. */
export const HIDDEN_XAVIER = `const w2 = xavierLayer(100, 50, 5 / 3, new Rng(3));
expectShape(w2, [50, 100]);
check('gain scales the bound', Array.from(w2.data).some((x) => Math.abs(x) > Math.sqrt(6 / 150)), 'expected some |w| above the gain-1 bound');
`;

export const SOLUTION = 'function xavierLayer(fanIn: number, fanOut: number, gain: number, rng: Rng): Tensor {\n  const b = gain * Math.sqrt(6 / (fanIn + fanOut));\n  return rand([fanOut, fanIn], rng).mul(2 * b).sub(b);\n}';
/** The exercise's starter code (fails the variance check). */
const STARTER = 'function xavierLayer(fanIn: number, fanOut: number, gain: number, rng: Rng): Tensor {\n  return zeros([fanOut, fanIn]);\n}';

/** Code that tries to leave the sandbox, one attempt per check: each check passes only if the attempt failed. */
const ESCAPES = `${SOLUTION}
const attempt = (f: () => unknown): string => { try { return 'ESCAPED: ' + String(f()).slice(0, 40); } catch (e) { return String((e as Error).name); } };
const results = {
  process: attempt(() => (globalThis as any).process.pid),
  require: attempt(() => (globalThis as any).require('fs')),
  fetch: attempt(() => (globalThis as any).fetch('http://example.com')),
  vmFunction: attempt(() => (globalThis as any).constructor.constructor('return process')().pid),
  viaTimer: attempt(() => (setTimeout as any).constructor('return process')().getBuiltinModule('fs').readFileSync('/etc/passwd', 'utf8')),
  viaEngine: attempt(() => (tensor as any).constructor('return process')().getBuiltinModule('fs').readFileSync('HIDDEN', 'utf8')),
  viaError: attempt(() => { try { zeros([2]).reshape([3]); } catch (e) { return (e as any).constructor.constructor('return process')().pid; } }),
};
print(JSON.stringify(results));
for (const [name, outcome] of Object.entries(results)) check('escape ' + name + ' failed', !outcome.startsWith('ESCAPED'), outcome);
`;
const TAMPER = `${SOLUTION}
const tamper = (f: () => void): string => { try { f(); return 'TAMPERED'; } catch (e) { return String((e as Error).name); } };
const outcomes = [
  tamper(() => { Math.sqrt = () => 0; }),
  tamper(() => { (zeros([1]).shape as any).constructor.prototype.filter = () => []; }),
  tamper(() => { (zeros([1]) as any).constructor.prototype.square = () => 0; }),
];
check('tampering failed', outcomes.every((o) => o !== 'TAMPERED'), outcomes.join(', '));
`;

/** A function making a hand-in's text for this course from a student's three answers (`lib`: the grader's parent-lib bundle). */
export function handInMaker(lib) {
  const hash = (id) => lib.contentHash(lib.exerciseById(id));
  return async (student, { slope, init, code, courseId = 'nn-test' }) => {
    const at = '2026-12-01T09:00:00.000Z';
    const entry = async (id, answer) => ({ answer, attempts: 1, contentHash: await hash(id), updatedAt: at });
    const answers = {
      'vanishing-gradients/sigmoid-slope': await entry('vanishing-gradients/sigmoid-slope', { kind: 'numeric', text: slope }),
      'vanishing-gradients/tanh-init': await entry('vanishing-gradients/tanh-init', { kind: 'experiment', state: { a: 'tanh', ainit: init } }),
      'vanishing-gradients/xavier-layer': await entry('vanishing-gradients/xavier-layer', { kind: 'code', code }),
    };
    return lib.writeHandIn(lib.makeHandIn({ course: { id: courseId, title: 'Test', hash: 'h' }, student: { name: student, id: student.toLowerCase() }, appVersion: '0.1.0', answers, now: new Date(at) }));
  };
}

/** Writes course.yaml and hidden/ into `dir`; returns the path of the hidden checks. */
export function writeCourse(dir) {
  mkdirSync(join(dir, 'hidden', 'vanishing-gradients'), { recursive: true });
  mkdirSync(join(dir, 'submissions'), { recursive: true });
  writeFileSync(join(dir, 'course.yaml'), COURSE_YAML);
  const hiddenFile = join(dir, 'hidden', 'vanishing-gradients', 'xavier-layer.ts');
  writeFileSync(hiddenFile, HIDDEN_XAVIER);
  return hiddenFile;
}

/** The hostile hand-ins' code, by file name. */
export const HOSTILE_CODE = {
  'loop.json': 'while (true) {}',
  'memory.json': 'const hoard: number[][] = [];\nwhile (true) hoard.push(new Array(2e7).fill(1));',
  'escape.json': ESCAPES,
  'tamper.json': TAMPER,
  'spam.json': `${SOLUTION}\nfor (let i = 0; i < 100; i++) print('x'.repeat(1_000_000));`,
};

/** Writes course.yaml, hidden/ and submissions/ (good, partial, hostile, malformed) into `dir`; returns the submissions' names. */
export async function writeFixture(dir, lib) {
  const hiddenFile = writeCourse(dir);
  const handIn = handInMaker(lib);
  const files = {
    'good.json': await handIn('Good', { slope: '0.25', init: 'xavier', code: SOLUTION }),
    'partial.json': await handIn('Partial', { slope: '0.5', init: 'default', code: STARTER }),
    'loop.json': await handIn('Loop', { slope: '1/4', init: 'he', code: HOSTILE_CODE['loop.json'] }),
    'memory.json': await handIn('Memory', { slope: '0.25', init: 'xavier', code: HOSTILE_CODE['memory.json'] }),
    'escape.json': await handIn('Escape', { slope: '0.25', init: 'xavier', code: ESCAPES.replace('HIDDEN', hiddenFile) }),
    'tamper.json': await handIn('Tamper', { slope: '0.25', init: 'xavier', code: TAMPER }),
    'spam.json': await handIn('Spam', { slope: '0.25', init: 'xavier', code: HOSTILE_CODE['spam.json'] }),
    'other-course.json': await handIn('Other', { slope: '0.25', init: 'xavier', code: SOLUTION, courseId: 'another-course' }),
    'malformed.json': '{"format": "neural-notebook/hand-in", "version": 1,',
    'huge.json': `{"padding": "${'x'.repeat(6_000_000)}"}`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'submissions', name), text);
  return Object.keys(files).sort();
}

export { STARTER };
