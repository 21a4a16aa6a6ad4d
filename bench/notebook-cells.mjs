// Notebook cells in Chromium, on the built site: how long the first run after a page load takes
// (loading the kernel's code, starting the sandbox and its worker, running the cell: clicked at
// once, and after the reader has spent 3 s on the cell, as the kernel warms up), how long a
// trivial cell takes once the kernel is up, how soon an infinite loop is stopped after a 2 s time
// limit, and what the notebook's code weighs.
// Usage (after npm run build): node bench/notebook-cells.mjs [page loads, default 5]
// Figures, not assertions: the machine's load moves them; compare medians taken in one run.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { BROWSER_ARGS } from '../e2e/browser-args.mjs';
import { findBrowser } from '../scripts/find-browser.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4396);
const LOADS = Number(process.argv[2] ?? 5);
const TRIVIAL_RUNS = 30;
const PAGE = '/lessons/activation-functions/';
const CELL = 'Code cell: Define an activation and its derivative';

const LOOP_RUNS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;

/** Clicks the cell's Run button inside the page and resolves with the milliseconds until the run's count appears. */
function timeRun(page, label) {
  return page.evaluate(async (name) => {
    const cell = document.querySelector(`section[aria-label="${name}"]`);
    const count = cell.querySelector('.code-cell__count');
    const status = cell.querySelector('.code-cell__status');
    const button = [...cell.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Run');
    const before = count.textContent;
    const start = performance.now();
    // The count goes [n] → [*] → [n+1] (or [1] after a restart): done when a new number shows and the status says it ran.
    const done = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (/^\[\d+\]$/.test(count.textContent) && count.textContent !== before && /^(Ran in|Error)/.test(status.textContent)) {
          observer.disconnect();
          resolve(performance.now() - start);
        }
      });
      observer.observe(cell.querySelector('.code-cell__bar'), { childList: true, characterData: true, subtree: true });
    });
    button.click();
    return done;
  }, label);
}

const server = spawn(process.execPath, ['scripts/serve-dist.mjs', String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: findBrowser()?.path, args: BROWSER_ARGS });
try {
  const cold = [];
  const first = [];
  const trivial = [];
  // Not 'networkidle' below, which the kernel's pending blob: worker can hold off for good.
  // Cold: Run clicked the moment the editor is in (kernel code fetched, sandbox and worker started, cell run).
  for (let i = 0; i < LOADS; i++) {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${PORT}${PAGE}`, { waitUntil: 'load' });
    const cell = page.getByRole('region', { name: CELL });
    await cell.scrollIntoViewIfNeeded();
    await cell.locator('.cm-editor').waitFor();
    cold.push(await timeRun(page, CELL));
    await page.close();
  }
  // As a reader meets it: the cell scrolled to, then 3 s of reading, in which the kernel starts in
  // the background (when the browser is idle, within 2 s); then the first Run, and trivial runs.
  for (let i = 0; i < LOADS; i++) {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${PORT}${PAGE}`, { waitUntil: 'load' });
    const cell = page.getByRole('region', { name: CELL });
    await cell.scrollIntoViewIfNeeded();
    await cell.locator('.cm-editor').waitFor();
    await page.waitForTimeout(3000);
    first.push(await timeRun(page, CELL));
    // A trivial cell: the round trip page → frame → worker → page, plus compiling one line.
    await cell.getByRole('textbox').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText('1 + 1');
    for (let k = 0; k < TRIVIAL_RUNS / LOADS; k++) trivial.push(await timeRun(page, CELL));
    await page.close();
  }
  // An infinite loop under a 2 s limit: when does the page stop it (the status shows the measured time)?
  const stops = [];
  const page = await browser.newPage();
  await page.goto(`http://localhost:${PORT}${PAGE}`, { waitUntil: 'load' });
  const cell = page.getByRole('region', { name: CELL });
  await cell.scrollIntoViewIfNeeded();
  await cell.locator('.cm-editor').waitFor();
  await cell.getByRole('combobox', { name: 'Time limit' }).selectOption('2');
  await cell.getByRole('textbox').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText('while (true) {}');
  for (let k = 0; k < LOOP_RUNS; k++) {
    await cell.getByRole('button', { name: 'Run', exact: true }).click();
    await cell.locator('.code-cell__status', { hasText: /^Running/ }).waitFor({ timeout: 30_000 });
    await cell.locator('.code-cell__status', { hasText: /^Stopped after/ }).waitFor({ timeout: 30_000 });
    stops.push(Number(/after (\S+) s/.exec(await cell.locator('.code-cell__status').textContent())[1]));
    await page.waitForTimeout(1500); // let the fresh kernel start
  }
  await page.close();
  console.log(`first run, clicked the moment the editor loads (kernel code fetched, sandbox and worker started, cell run), ${LOADS} loads:`);
  console.log(`  median ${ms(median(cold))}, all: ${cold.map(ms).join(', ')}`);
  console.log(`first run after 3 s on the cell (the kernel started in the background meanwhile), ${LOADS} loads:`);
  console.log(`  median ${ms(median(first))}, all: ${first.map(ms).join(', ')}`);
  console.log(`trivial cell (1 + 1) on a running kernel, click to "Ran in", ${trivial.length} runs:`);
  console.log(`  median ${ms(median(trivial))}, min ${ms(Math.min(...trivial))}, max ${ms(Math.max(...trivial))}`);
  console.log(`while (true) {} with a 2 s limit, stopped after (page clock): ${stops.map((x) => `${x} s`).join(', ')}`);
} finally {
  await browser.close();
  server.kill();
}

console.log('\nnotebook code in dist/_astro (raw / gzip -9):');
for (const file of readdirSync('dist/_astro')) {
  if (!/^(_virtual_notebook-kernel-source|editor|CodeCell)\./.test(file)) continue;
  const bytes = readFileSync(join('dist/_astro', file));
  console.log(`  ${file}: ${(bytes.length / 1024).toFixed(0)} KiB / ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(0)} KiB`);
}
