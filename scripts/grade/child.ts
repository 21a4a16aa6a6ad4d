/**
 * The grading child: one per hand-in (and again after a kill, for the exercises left). Started by
 * grade.mjs with Node's permission model (read access to this bundle only, no writes, no child
 * processes, no workers), no code generation from strings, a heap limit, and no network where
 * `unshare --net` works. It reads its job from stdin, freezes the built-ins, and grades each
 * exercise with the page's checkers; student code runs in a fresh vm context per exercise.
 */
import { readFileSync, writeSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkExperiment, exerciseById } from '../../lib/course/catalogue';
import { checkAnswer, contentHash, readHandIn, runCodeExercise, type CheckResult, type Runners, type SiteFiles } from '../../lib/course/exercises';
import * as engine from '../../lib/engine';
import { createKernel, type KernelOptions } from '../../lib/notebook/kernel';
import { nodeRealm } from '../../lib/notebook/realm.node';
import { lockdown } from './lockdown';
import type { ChildJob, ChildMessage } from './protocol';

const write = writeSync; // held before any student code runs, which could replace fs.writeSync
const readFile = readFileSync;
const SITE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'site');

/** The site's data files that bundle.mjs copied beside this bundle (experiment checkers read the digits here). */
const siteFiles: SiteFiles = {
  read: async (path) => {
    const file = normalize(join(SITE_DIR, path));
    if (!file.startsWith(`${SITE_DIR}/`)) throw new Error(`grade: expected a site file under site/, got "${path}"`);
    return new Uint8Array(readFile(file));
  },
};
const MAX_TEXT = 2000;
const MAX_DETAILS = 100;
const clip = (text: string): string => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… (cut at ${MAX_TEXT} characters)` : text);

/** A result small enough to send, whatever the student's checks printed. */
function bounded(result: CheckResult): CheckResult {
  const details = result.details?.slice(0, MAX_DETAILS).map((d) => ({ name: clip(String(d.name)), passed: d.passed === true, message: clip(String(d.message)) }));
  return { correct: result.correct === true, score: Math.min(1, Math.max(0, Number(result.score) || 0)), feedback: clip(String(result.feedback)), ...(details ? { details } : {}) };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  const job = JSON.parse(await readStdin()) as ChildJob;
  const send = (message: ChildMessage): void => {
    write(1, `${job.nonce} ${JSON.stringify(message)}\n`);
  };
  lockdown(globalThis as unknown as Record<string, unknown>, [...Object.values(engine)]);
  const read = readHandIn(job.handIn, { courseId: job.courseId });
  if (!read.ok) {
    send({ type: 'refused', message: read.message });
    return;
  }
  const { handIn } = read;
  send({ type: 'student', name: clip(handIn.student.name), id: clip(handIn.student.id), answered: Object.keys(handIn.answers) });
  const startKernel = (options: KernelOptions) => {
    const realm = nodeRealm();
    const kernel = createKernel(realm, options);
    lockdown(realm.global);
    return kernel;
  };
  for (const id of job.exerciseIds) {
    send({ type: 'start', id });
    const spec = exerciseById(id);
    const entry = handIn.answers[id];
    if (!spec) throw new Error(`grade: exercise "${id}" is not in the catalogue`);
    if (!entry) {
      send({ type: 'result', id, result: { correct: false, score: 0, feedback: 'No answer was handed in.' } });
      continue;
    }
    const hidden = job.hidden[id];
    const runners: Runners = {
      code: (s, code) => runCodeExercise(s, code, { startKernel, ...(hidden === undefined ? {} : { hiddenChecks: hidden }) }),
      experiment: (s, state) => checkExperiment(s, state, siteFiles),
    };
    const result = await checkAnswer(spec, entry.answer, runners);
    const current = await contentHash(spec);
    const versionNote = entry.contentHash === current ? undefined : 'This answer was given to an earlier version of the exercise; it was checked against the current one.';
    send({ type: 'result', id, result: bounded(result), ...(versionNote ? { versionNote } : {}) });
  }
  send({ type: 'done' });
}

main().then(
  () => process.exit(0),
  (thrown: unknown) => {
    process.stderr.write(`grade child: ${thrown instanceof Error ? thrown.message : String(thrown)}\n`);
    process.exit(70);
  },
);
