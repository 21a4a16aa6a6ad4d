#!/usr/bin/env node
/**
 * Grades a folder of hand-in files: `npm run grade -- --course course.yaml --tests hidden/ submissions/ [--out dir] [--jobs n]`.
 * Every answer is re-checked with the page's own checkers (lib/, bundled with esbuild at start);
 * code runs with the teacher's hidden tests (hidden/<exercise id>.ts), experiments are re-run from
 * their seed. Each hand-in is graded in its own sandboxed child process (see grade/child.ts), a
 * pool of them at once. Writes grades.csv and feedback/<file>.md; a second run writes the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleGrader } from './grade/bundle.mjs';
import { feedbackMarkdown, feedbackName, gradesCsv } from './grade/report.mjs';
import { gradeInChildren } from './grade/run-child.mjs';

/** Seconds an experiment exercise may take (a few hundred training steps, on a busy machine). */
const EXPERIMENT_SECONDS = 120;
const OTHER_SECONDS = 20;

/** Whether `unshare --net` works here (root on Linux), to start children with no network. */
export function canUnshareNet() {
  return spawnSync('unshare', ['--net', 'true'], { stdio: 'ignore' }).status === 0;
}

/** Runs `work` on every item, `jobs` at a time. */
async function pool(items, jobs, work) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
}

/**
 * Grades every file of `submissionsDir`; returns { course, exercises, rows, seconds }. Writes nothing. `codeSeconds` caps code exercises' time limits; `heapMb` sets the children's heap.
 * @param {{ coursePath: string, testsDir: string, submissionsDir: string, jobs?: number, bundleDir?: string, codeSeconds?: number, heapMb?: number }} options
 */
export async function grade({ coursePath, testsDir, submissionsDir, jobs = availableParallelism(), bundleDir, codeSeconds = Infinity, heapMb }) {
  const dir = bundleDir ?? (await bundleGrader());
  const lib = await import(pathToFileURL(join(dir, 'parent-lib.mjs')).href);
  const ids = new Set(lib.allExercises.map((e) => e.id));
  const read = lib.readCourseFile(readFileSync(coursePath, 'utf8'), { fileName: coursePath, exerciseIds: ids });
  if (!read.ok) throw new Error(`The course file has ${read.errors.length} problem${read.errors.length === 1 ? '' : 's'}:\n${read.errors.join('\n')}`);
  const course = read.course;
  const seen = new Set();
  const exercises = course.assignments.flatMap((a) => a.exercises).filter((e) => !seen.has(e.id) && seen.add(e.id)).map((e) => ({ id: e.id, points: e.points ?? lib.exerciseById(e.id).points }));
  const hidden = {};
  for (const { id } of exercises) {
    const file = join(testsDir, `${id}.ts`);
    if (existsSync(file)) hidden[id] = readFileSync(file, 'utf8');
  }
  const limitOf = (id) => {
    const spec = lib.exerciseById(id);
    return spec?.kind === 'experiment' ? EXPERIMENT_SECONDS : spec?.kind === 'code' ? Math.min(codeSeconds, (spec.timeLimit ?? lib.DEFAULT_TIME_LIMIT) + 2) : OTHER_SECONDS;
  };
  const unshareNet = canUnshareNet();
  const files = readdirSync(submissionsDir).filter((f) => !f.startsWith('.') && statSync(join(submissionsDir, f)).isFile()).sort();
  const cache = new Map();
  const rows = [];
  const started = performance.now();
  await pool(files, jobs, async (file) => {
    const path = join(submissionsDir, file);
    const size = statSync(path).size;
    if (size > lib.MAX_HAND_IN_BYTES) {
      rows.push({ file, refused: `Expected a hand-in file of at most ${lib.MAX_HAND_IN_BYTES.toLocaleString('en-US')} bytes; got ${size.toLocaleString('en-US')}.`, results: new Map() });
      return;
    }
    const handIn = readFileSync(path, 'utf8');
    // Re-running an experiment gives the same result for the same state: reuse it across hand-ins.
    const keys = experimentKeys(handIn, exercises, lib);
    const results = new Map();
    for (const [id, key] of keys) if (cache.has(key)) results.set(id, cache.get(key));
    const left = exercises.map((e) => e.id).filter((id) => !results.has(id));
    const graded = await gradeInChildren({ bundleDir: dir, unshareNet, heapMb, courseId: course.id, handIn, exerciseIds: left, hidden, limitOf });
    for (const [id, result] of graded.results) {
      results.set(id, result);
      const key = keys.get(id);
      if (key && !cache.has(key) && !graded.refused && !graded.stopped.has(id)) cache.set(key, result);
    }
    const stopped = [...graded.stopped].map((id) => `${id}: ${results.get(id)?.feedback ?? ''}`);
    rows.push({ file, student: graded.student, refused: graded.refused, stopped, results: graded.refused ? new Map() : results });
  });
  return { course, exercises, rows, seconds: (performance.now() - started) / 1000, bundleDir: dir };
}

/** Cache keys of a hand-in's experiment answers: id, content hash and canonical state (none if the file does not parse). */
function experimentKeys(text, exercises, lib) {
  const keys = new Map();
  try {
    const answers = JSON.parse(text)?.answers ?? {};
    for (const { id } of exercises) {
      const entry = answers[id];
      if (lib.exerciseById(id)?.kind === 'experiment' && entry?.answer?.kind === 'experiment') keys.set(id, `${id}\n${entry.contentHash}\n${lib.canonicalJson(entry.answer.state)}`);
    }
  } catch {
    // A malformed file: the child refuses it with a message.
  }
  return keys;
}

/** Writes grades.csv and feedback/*.md into `outDir` (replacing earlier feedback files). */
export function writeReports(outDir, { course, exercises, rows }) {
  const feedbackDir = join(outDir, 'feedback');
  rmSync(feedbackDir, { recursive: true, force: true });
  mkdirSync(feedbackDir, { recursive: true });
  writeFileSync(join(outDir, 'grades.csv'), gradesCsv(exercises, rows));
  for (const row of rows) writeFileSync(join(feedbackDir, feedbackName(row.file)), feedbackMarkdown(course, exercises, row));
}

async function main() {
  const { values, positionals } = parseArgs({ options: { course: { type: 'string' }, tests: { type: 'string' }, out: { type: 'string' }, jobs: { type: 'string' }, 'code-seconds': { type: 'string' }, 'heap-mb': { type: 'string' } }, allowPositionals: true });
  if (!values.course || positionals.length !== 1) {
    console.error('usage: npm run grade -- --course course.yaml [--tests hidden/] [--out dir] [--jobs n] [--code-seconds s] [--heap-mb n] submissions/');
    process.exit(2);
  }
  const outDir = resolve(values.out ?? '.');
  const graded = await grade({ coursePath: values.course, testsDir: values.tests ?? 'hidden', submissionsDir: positionals[0], ...(values.jobs ? { jobs: Number(values.jobs) } : {}), ...(values['code-seconds'] ? { codeSeconds: Number(values['code-seconds']) } : {}), ...(values['heap-mb'] ? { heapMb: Number(values['heap-mb']) } : {}) });
  rmSync(graded.bundleDir, { recursive: true, force: true });
  writeReports(outDir, graded);
  const refused = graded.rows.filter((r) => r.refused).length;
  console.log(`Graded ${graded.rows.length} files (${refused} not gradable) in ${graded.seconds.toFixed(1)} s: ${(graded.rows.length / graded.seconds).toFixed(1)} files/s. Wrote ${join(outDir, 'grades.csv')} and ${join(outDir, 'feedback')}/.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
