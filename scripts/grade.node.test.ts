import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleGrader } from './grade/bundle.mjs';
import { writeFixture } from './grade/fixtures.mjs';
import { childCommand } from './grade/run-child.mjs';
import { canUnshareNet, grade, writeReports } from './grade.mjs';

let dir = '';
let bundleDir = '';
// Limits are CPU time: 4 s leaves the memory hog (about 1 s) time to run out of memory first, however busy the machine.
const LIMITS = { codeSeconds: 4, heapMb: 96, jobs: 2 };

/** Runs the CLI; resolves with its exit code and output. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/grade.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  bundleDir = await bundleGrader();
  dir = mkdtempSync(join(tmpdir(), 'grade-test-'));
  await writeFixture(dir, await import(pathToFileURL(join(bundleDir, 'parent-lib.mjs')).href));
}, 60_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(bundleDir, { recursive: true, force: true });
});

const EXPECTED_CSV = `file,student_id,student_name,vanishing-gradients/sigmoid-slope (1),vanishing-gradients/tanh-init (2),vanishing-gradients/xavier-layer (4),total (7),problem
escape.json,escape,Escape,1,2,4,7,
good.json,good,Good,1,2,4,7,
huge.json,,,0,0,0,0,"Expected a hand-in file of at most 5,000,000 bytes; got 6,000,015."
loop.json,loop,Loop,1,2,0,3,vanishing-gradients/xavier-layer: Stopped: it used more than its time limit of 4 s of computing (an endless loop?).
malformed.json,,,0,0,0,0,Expected a hand-in file (JSON); got text that is not JSON: Expected double-quoted property name in JSON at position 51 (line 1 column 52).
memory.json,memory,Memory,1,2,0,3,vanishing-gradients/xavier-layer: Stopped: it used more than the 96 MB of memory a submission may use.
other-course.json,,,0,0,0,0,"Expected a hand-in for course ""nn-test""; got one for course ""another-course"" at course.id."
partial.json,partial,Partial,0,0,2.4,2.4,
spam.json,spam,Spam,1,2,4,7,
tamper.json,tamper,Tamper,1,2,4,7,
`;

describe('npm run grade', () => {
  it('grades good, partial, malicious and malformed hand-ins, each in its row, and a second run (the CLI) writes the same bytes', async () => {
    const [first, second] = [join(dir, 'out-1'), join(dir, 'out-2')];
    // Two runs at once (one in this process, one through the CLI), to keep the test short.
    const [graded, cli] = await Promise.all([
      grade({ coursePath: join(dir, 'course.yaml'), testsDir: join(dir, 'hidden'), submissionsDir: join(dir, 'submissions'), bundleDir, ...LIMITS }),
      runCli(['--course', join(dir, 'course.yaml'), '--tests', join(dir, 'hidden'), '--out', second, '--code-seconds', '4', '--heap-mb', '96', '--jobs', '2', join(dir, 'submissions')]),
    ]);
    writeReports(first, graded);
    expect(readFileSync(join(first, 'grades.csv'), 'utf8')).toBe(EXPECTED_CSV);
    const feedback = (out: string, file: string) => readFileSync(join(out, 'feedback', file), 'utf8');
    expect(feedback(first, 'loop.md')).toContain('Stopped: it used more than its time limit of 4 s of computing (an endless loop?).');
    expect(feedback(first, 'memory.md')).toContain('Stopped: it used more than the 96 MB of memory a submission may use.');
    expect(feedback(first, 'partial.md')).toContain("0.5 is σ(0), the sigmoid's value at 0");
    expect(feedback(first, 'partial.md')).toContain('Run A reached 47.0 % test accuracy after 400 steps; the goal is at least 90.0 %.');
    // Each escape attempt is a check that passes only if the attempt failed; print() of 100 MB was dropped.
    for (const name of ['process', 'require', 'fetch', 'vmFunction', 'viaTimer', 'viaEngine', 'viaError']) expect(feedback(first, 'escape.md')).toContain(`- ✓ escape ${name} failed`);
    expect(feedback(first, 'tamper.md')).toContain('- ✓ tampering failed');

    expect(cli.stderr).toBe('');
    expect(cli.stdout).toMatch(/^Graded 10 files \(3 not gradable\) in [\d.]+ s: [\d.]+ files\/s\./);
    expect(readFileSync(join(second, 'grades.csv'), 'utf8')).toBe(EXPECTED_CSV);
    const files = readdirSync(join(first, 'feedback')).sort();
    expect(files).toHaveLength(10);
    for (const file of files) expect(feedback(second, file), file).toBe(feedback(first, file));
    // Two gradings of ten hand-ins (experiments re-trained, an endless loop run to its limit) at
    // once: about 16 s on a quiet 2-core machine, but past 120 s twice while four other test runs
    // loaded it. The limit is room, not a speed claim: no test asserts a timing.
  }, 300_000);

  it('refuses a course file with problems, naming their lines', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(join(dir, 'course.yaml'), 'utf8').replace('vanishing-gradients/tanh-init', 'vanishing-gradients/tanh'));
    await expect(grade({ coursePath: bad, testsDir: join(dir, 'hidden'), submissionsDir: join(dir, 'submissions'), bundleDir })).rejects.toThrow(
      /^The course file has 1 problem:\n.*bad\.yaml:10:13: assignments\[0\]\.exercises\[1\]\.id: expected an exercise id of the catalogue; got "vanishing-gradients\/tanh"/,
    );
  });
});

describe('npm run grade on an experiment that reads the site\'s data', () => {
  it('re-trains the dropout widget\'s run in the sandboxed child from the digits copied beside the bundle', async () => {
    const lib = await import(pathToFileURL(join(bundleDir, 'parent-lib.mjs')).href);
    const work = mkdtempSync(join(tmpdir(), 'grade-dropout-'));
    try {
      const id = 'overfitting-and-dropout/dropout-rate';
      writeFileSync(join(work, 'course.yaml'), `id: nn-test\ntitle: Test\nassignments:\n  - id: dropout\n    title: Dropout\n    due: 2026-12-15\n    solutions: after-due\n    exercises:\n      - id: ${id}\n`);
      mkdirSync(join(work, 'hidden'));
      mkdirSync(join(work, 'submissions'));
      const at = '2026-12-01T09:00:00.000Z';
      const state = { ...lib.exerciseById(id).start, p: 0.25 };
      const answers = { [id]: { answer: { kind: 'experiment', state }, attempts: 1, contentHash: await lib.contentHash(lib.exerciseById(id)), updatedAt: at } };
      writeFileSync(join(work, 'submissions', 'rate.json'), lib.writeHandIn(lib.makeHandIn({ course: { id: 'nn-test', title: 'Test', hash: 'h' }, student: { name: 'Rate', id: 'rate' }, appVersion: '0.1.0', answers, now: new Date(at) })));
      const graded = await grade({ coursePath: join(work, 'course.yaml'), testsDir: join(work, 'hidden'), submissionsDir: join(work, 'submissions'), bundleDir, ...LIMITS });
      writeReports(join(work, 'out'), graded);
      expect(readFileSync(join(work, 'out', 'grades.csv'), 'utf8')).toContain('rate.json,rate,Rate,2,2,');
      expect(readFileSync(join(work, 'out', 'feedback', 'rate.md'), 'utf8')).toContain('Goal reached: Run B reached a validation loss of 0.600 after 20 epochs');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('a grading child, if student code escaped its vm context', () => {
  it('cannot read /etc/passwd or the hidden tests, write, start processes or workers, or reach the network', async () => {
    const server = createServer((socket) => socket.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const probe = join(bundleDir, 'probe.mjs');
    const hiddenFile = join(dir, 'hidden', 'vanishing-gradients', 'xavier-layer.ts');
    writeFileSync(
      probe,
      `import fs from 'node:fs'; import cp from 'node:child_process'; import { Worker } from 'node:worker_threads'; import net from 'node:net';
const out = {};
const attempt = (name, f) => { try { f(); out[name] = 'ALLOWED'; } catch (e) { out[name] = e.code ?? e.name; } };
attempt('readPasswd', () => fs.readFileSync('/etc/passwd'));
attempt('readHidden', () => fs.readFileSync(${JSON.stringify(hiddenFile)}));
attempt('write', () => fs.writeFileSync(${JSON.stringify(join(dir, 'written'))}, 'x'));
attempt('spawn', () => cp.spawnSync('true'));
attempt('worker', () => new Worker('1', { eval: true }));
attempt('eval', () => new Function('return 1')());
out.network = await new Promise((resolve) => { const s = net.connect(${port}, '127.0.0.1', () => { s.destroy(); resolve('ALLOWED'); }); s.on('error', (e) => resolve(e.code)); });
console.log(JSON.stringify(out));
`,
    );
    const [command, args] = childCommand(bundleDir, canUnshareNet(), 96, probe);
    const run = spawnSync(command, args, { encoding: 'utf8' });
    server.close();
    const out = JSON.parse(run.stdout) as Record<string, string>;
    expect(out).toMatchObject({ readPasswd: 'ERR_ACCESS_DENIED', readHidden: 'ERR_ACCESS_DENIED', write: 'ERR_ACCESS_DENIED', spawn: 'ERR_ACCESS_DENIED', worker: 'ERR_ACCESS_DENIED', eval: 'EvalError' });
    // Without unshare (not root) the network stays reachable: the report says so.
    if (canUnshareNet()) expect(out['network']).not.toBe('ALLOWED');
  });
});
