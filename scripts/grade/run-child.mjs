/**
 * Grades one hand-in in child processes: starts a sandboxed child, gives each exercise its time
 * limit, and when the child is killed (time, output) or crashes, records that exercise's failure
 * and starts a new child for the exercises left. Returns a result for every exercise.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { cpuSeconds, mainThreadScheduledSeconds } from './cpu-time.mjs';

/** Bytes of output (stdout besides results, and stderr) a child may write before it is killed. */
export const OUTPUT_CAP = 1_000_000;
/** The child's heap limit, in MB, unless the caller gives another. */
export const HEAP_MB = 512;
const STARTUP_SECONDS = 20;
const WALL_FACTOR = 3;
const WALL_EXTRA = 10;
const WATCH_MS = 100;

/**
 * The node flags of a grading child: the permission model with read access to the bundle only (no
 * writes, child processes, workers, addons, WASI or inspector), no code from strings, a heap cap.
 */
export function childNodeFlags(bundleDir, heapMb = HEAP_MB) {
  return ['--permission', `--allow-fs-read=${bundleDir}`, '--disallow-code-generation-from-strings', `--max-old-space-size=${heapMb}`, '--no-warnings'];
}

/**
 * The command and arguments that run `script` (the child by default) as a grading child: under `unshare --net` (no network) when `unshareNet`.
 * @returns {[string, string[]]}
 */
export function childCommand(bundleDir, unshareNet, heapMb = HEAP_MB, script = join(bundleDir, 'child.mjs')) {
  const args = [...childNodeFlags(bundleDir, heapMb), script];
  return unshareNet ? ['unshare', ['--net', process.execPath, ...args]] : [process.execPath, args];
}

const fail = (feedback) => ({ correct: false, score: 0, feedback });

/** Runs one child on `exerciseIds`; resolves with what it reported and how it ended. */
function runOnce({ bundleDir, unshareNet, heapMb, courseId, handIn, exerciseIds, hidden, limitOf }) {
  return new Promise((resolve) => {
    const nonce = randomBytes(16).toString('hex');
    const [command, args] = childCommand(bundleDir, unshareNet, heapMb);
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const report = { student: undefined, refused: undefined, results: new Map(), current: undefined, done: false, ending: undefined, stderr: '' };
    let outputBytes = 0;
    let buffered = '';
    // Each exercise may use `limit` seconds of CPU time, and sleep at most WALL_FACTOR times that (plus WALL_EXTRA): the
    // second catches code that waits without computing. Sleep is wall-clock time less the time the child's main thread ran or
    // waited for a CPU, so a busy machine does not count against it; where /proc cannot tell, it is the wall-clock time.
    let budget;
    const arm = (limit) => {
      budget = { cpuAtStart: cpuSeconds(child.pid), scheduledAtStart: mainThreadScheduledSeconds(child.pid), limit, wallAtStart: performance.now() };
    };
    const watch = setInterval(() => {
      if (!budget) return;
      const cpu = cpuSeconds(child.pid);
      const usedCpu = cpu !== undefined && budget.cpuAtStart !== undefined ? cpu - budget.cpuAtStart : 0;
      const usedWall = (performance.now() - budget.wallAtStart) / 1000;
      const scheduled = mainThreadScheduledSeconds(child.pid);
      const slept = scheduled !== undefined && budget.scheduledAtStart !== undefined ? usedWall - (scheduled - budget.scheduledAtStart) : usedWall;
      if (usedCpu > budget.limit || slept > budget.limit * WALL_FACTOR + WALL_EXTRA) kill('time');
    }, WATCH_MS);
    const kill = (why) => {
      report.ending ??= why;
      child.kill('SIGKILL');
    };
    const onLine = (line) => {
      if (!line.startsWith(`${nonce} `)) {
        outputBytes += line.length + 1;
        return;
      }
      const message = JSON.parse(line.slice(nonce.length + 1));
      if (message.type === 'student') report.student = message;
      else if (message.type === 'refused') report.refused = message.message;
      else if (message.type === 'start') {
        report.current = message.id;
        arm(limitOf(message.id));
      } else if (message.type === 'result') {
        report.results.set(message.id, message.versionNote ? { ...message.result, versionNote: message.versionNote } : message.result);
        report.current = undefined;
      } else if (message.type === 'done') report.done = true;
    };
    child.stdout.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      let newline;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        onLine(buffered.slice(0, newline));
        buffered = buffered.slice(newline + 1);
      }
      if (buffered.length + outputBytes > OUTPUT_CAP) kill('output');
    });
    child.stderr.on('data', (chunk) => {
      outputBytes += chunk.length;
      if (report.stderr.length < 4000) report.stderr += chunk.toString('utf8');
      if (outputBytes > OUTPUT_CAP) kill('output');
    });
    child.on('close', (code, signal) => {
      clearInterval(watch);
      if (!report.ending && !report.done && !report.refused) report.ending = /heap out of memory/i.test(report.stderr) ? 'memory' : `crash`;
      report.exit = signal ?? code;
      resolve(report);
    });
    child.stdin.on('error', () => {}); // a child that dies at once closes its stdin
    child.stdin.end(JSON.stringify({ nonce, courseId, handIn, exerciseIds, hidden }));
    arm(STARTUP_SECONDS);
  });
}

const ENDINGS = {
  time: (limit) => `Stopped: it used more than its time limit of ${limit} s of computing (an endless loop?).`,
  output: () => `Stopped: the grading process wrote more than ${OUTPUT_CAP.toLocaleString('en-US')} bytes of output.`,
  memory: (_limit, heapMb) => `Stopped: it used more than the ${heapMb} MB of memory a submission may use.`,
  crash: () => 'Stopped: the grading process crashed while checking it.',
};

/** Grades `exerciseIds` for one hand-in (options: bundleDir, unshareNet, heapMb, courseId, handIn, hidden, limitOf); returns { student, refused, results: Map<id, result>, stopped: Set<id> (killed or crashed, not checked) }. */
export async function gradeInChildren(options) {
  const results = new Map();
  const stopped = new Set();
  let left = [...options.exerciseIds];
  let student;
  for (let attempt = 0; left.length > 0 && attempt <= options.exerciseIds.length; attempt++) {
    const report = await runOnce({ ...options, exerciseIds: left });
    student ??= report.student;
    if (report.refused) return { student, refused: report.refused, results, stopped };
    for (const [id, result] of report.results) results.set(id, result);
    left = left.filter((id) => !results.has(id));
    if (report.done || left.length === 0) break;
    if (!report.student) return { student, refused: `The grading process stopped before reading the file (${report.ending}, exit ${report.exit}).`, results, stopped };
    // The exercise running when the child ended gets the blame; if none was, the next one does.
    const culprit = report.current ?? left[0];
    results.set(culprit, fail(ENDINGS[report.ending ?? 'crash'](options.limitOf(culprit), options.heapMb ?? HEAP_MB)));
    stopped.add(culprit);
    left = left.filter((id) => id !== culprit);
  }
  return { student, refused: undefined, results, stopped };
}
