// Measures the training widgets in Chromium, as a reader's browser runs them: updates per second
// of each run and the longest main-thread task, over 5 s of training at full speed.
// Usage: npm run build && npm run bench:widgets   (serves dist/ itself on port 4398)
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { BROWSER_ARGS } from '../e2e/browser-args.mjs';
import { findBrowser } from '../scripts/find-browser.mjs';

const PORT = 4398;
const SECONDS = 5;
const server = spawn(process.execPath, ['scripts/serve-dist.mjs', String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: findBrowser()?.path, args: BROWSER_ARGS });
const rows = [];
try {
  for (const [path, title] of [
    ['/lessons/vanishing-gradients/', 'Vanishing gradients'],
    ['/lessons/vanishing-gradients/?a=relu&ainit=he', 'Vanishing gradients'],
    ['/lessons/exploding-gradients/?model=rnn&scale=1&lr=0.001', 'Exploding gradients'],
  ]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`http://localhost:${PORT}${path}`, { waitUntil: 'networkidle' });
    const widget = page.getByRole('region', { name: title, exact: true });
    await widget.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=step]').length === 2);
    await page.waitForTimeout(1000);
    await page.evaluate(() => {
      window.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => window.longTasks.push(e.duration))).observe({ type: 'longtask' });
    });
    const steps = () => page.locator('[data-testid=step]').allTextContents().then((t) => t.map(Number));
    const before = await steps();
    await widget.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForTimeout(SECONDS * 1000);
    const after = await steps();
    await widget.getByRole('button', { name: 'Pause', exact: true }).click();
    const longTasks = await page.evaluate(() => window.longTasks);
    rows.push({
      widget: path,
      'run A steps/s': ((after[0] - before[0]) / SECONDS).toFixed(0),
      'run B steps/s': ((after[1] - before[1]) / SECONDS).toFixed(0),
      'long tasks (> 50 ms)': longTasks.length,
      'longest task ms': longTasks.length ? Math.max(...longTasks).toFixed(0) : '< 50',
    });
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
console.table(rows);
