// Measures the training widgets in Chromium, as a reader's browser runs them: updates per second
// of each run, the main-thread tasks over 50 ms and how busy the main thread was (Chromium's own
// TaskDuration: on a 2-core machine with two training workers, a main thread busier than about
// half the time has its tasks stretched by waiting for a core), over 5 s of training at full speed once both
// runs are ready, in ROUNDS fresh pages per widget (median steps/s; long tasks summed, longest of
// all rounds), and the longest task before Play (loading, hydrating, the first draw). Ends with
// the project's responsiveness budget, no main-thread task over 50 ms while training, met or not.
// (A figure, not a test: on a busy machine other work lengthens tasks, so `npm test` does not
// assert it; run this on a quiet machine.)
// Usage: npm run build && npm run bench:widgets   (serves dist/ itself on port 4398; a folder
// given after `--` is served instead, e.g. an earlier build kept to compare against)
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { BROWSER_ARGS } from '../e2e/browser-args.mjs';
import { findBrowser } from '../scripts/find-browser.mjs';

const PORT = 4398;
const SECONDS = 5;
const ROUNDS = 3;
/** The budget: no main-thread task longer than this while training (the browser's own long-task mark). */
const LONG_TASK_MS = 50;
/** The reference the longest task is printed beside: where the figure comes from. */
const REFERENCE = 'reference ms (a long task: W3C Long Tasks API, RAIL)';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const DIST = process.argv[2] ?? 'dist';
const server = spawn(process.execPath, ['scripts/serve-dist.mjs', String(PORT), DIST], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: findBrowser()?.path, args: BROWSER_ARGS });
const rows = [];
/** Widgets whose longest task while training went over the budget, with that task's length. */
const overBudget = [];

/**
 * One fresh page: wait until both runs show their first snapshot, then Play, 5 s of training,
 * Pause. The steps each run made, the long tasks while training, and those before (page load,
 * hydration, the workers setting up and the first draw).
 */
async function measure(path, title) {
  // No service worker: on a first visit it precaches the whole site (8.5 MB), which took 1.75 s of
  // a core in the first 5 s of training and would be measured as the widget's cost.
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, serviceWorkers: 'block' });
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.longTasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
  });
  // 'load', not 'networkidle': a lesson's code-cell kernel (a blob: worker) can keep a request pending for good.
  await page.goto(`http://localhost:${PORT}${path}`, { waitUntil: 'load' });
  const widget = page.getByRole('region', { name: title, exact: true });
  await widget.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const losses = [...document.querySelectorAll('[data-testid=loss]')];
    return losses.length === 2 && losses.every((e) => e.textContent !== '…');
  });
  await page.waitForTimeout(500);
  const steps = () => page.locator('[data-testid=step]').allTextContents().then((t) => t.map(Number));
  const before = await steps();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
  const busyBefore = await busy();
  const playAt = await page.evaluate(() => performance.now());
  await widget.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForTimeout(SECONDS * 1000);
  const busyAfter = await busy();
  const after = await steps();
  await widget.getByRole('button', { name: 'Pause', exact: true }).click();
  const tasks = await page.evaluate(() => window.longTasks);
  await page.close();
  return {
    a: (after[0] - before[0]) / SECONDS,
    b: (after[1] - before[1]) / SECONDS,
    longTasks: tasks.filter(([t]) => t >= playAt).map(([, d]) => d),
    // Seconds of main-thread work a second of training (the clicks and the reads around it are a few ms).
    busy: (busyAfter - busyBefore) / SECONDS,
    startupTasks: tasks.filter(([t]) => t < playAt).map(([, d]) => d),
  };
}

try {
  for (const [path, title] of [
    ['/lessons/vanishing-gradients/', 'Vanishing gradients'],
    ['/lessons/vanishing-gradients/?a=relu&ainit=he', 'Vanishing gradients'],
    ['/lessons/exploding-gradients/?model=rnn&scale=1&lr=0.001', 'Exploding gradients'],
    // Steps are minibatch updates of the lesson's CNN (32 digits); every 16th ends an epoch with a full evaluation.
    ['/lessons/overfitting-and-dropout/', 'Dropout on two runs'],
  ]) {
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) rounds.push(await measure(path, title));
    const all = rounds.flatMap((r) => r.longTasks);
    if (all.length) overBudget.push(`${path} (longest ${Math.max(...all).toFixed(0)} ms)`);
    rows.push({
      widget: path,
      'run A steps/s': median(rounds.map((r) => r.a)).toFixed(0),
      'run B steps/s': median(rounds.map((r) => r.b)).toFixed(0),
      [`long tasks (> ${LONG_TASK_MS} ms) in ${ROUNDS} × ${SECONDS} s`]: all.length,
      'longest task ms': all.length ? Math.max(...all).toFixed(0) : `< ${LONG_TASK_MS}`,
      'main thread busy %': (100 * median(rounds.map((r) => r.busy))).toFixed(0),
      [REFERENCE]: LONG_TASK_MS,
      'longest before Play (load, setup) ms': Math.max(0, ...rounds.flatMap((r) => r.startupTasks)).toFixed(0),
    });
  }
} finally {
  await browser.close();
  server.kill();
}
console.table(rows);
console.log(
  overBudget.length === 0
    ? `Budget met: no main-thread task over ${LONG_TASK_MS} ms while training, in any widget.`
    : `Budget NOT met: main-thread tasks over ${LONG_TASK_MS} ms while training in ${overBudget.join(', ')}. On a busy machine other work can cause this: run again on a quiet one before looking for a cause.`,
);
