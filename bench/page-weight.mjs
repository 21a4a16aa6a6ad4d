// Page weight of a built page as a reader downloads it (see weight.mjs): every file the page
// requests once all its widgets have started, gzipped, summed by type, next to the page's budget
// (which e2e/weight.spec.ts enforces), then one line a page with the total. Usage (after npm run build):
//   node bench/page-weight.mjs [/lessons/activation-functions/ more paths]   (default: the budgeted pages)
// DIST=folder measures another build (a copy of dist/ kept from before a change, to compare).
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { BROWSER_ARGS } from '../e2e/browser-args.mjs';
import { findBrowser } from '../scripts/find-browser.mjs';
import { BUDGETS, measurePage } from './weight.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4397);
const DIST = process.env.DIST ?? 'dist';
const paths = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BUDGETS);
const server = spawn(process.execPath, ['scripts/serve-dist.mjs', String(PORT), DIST], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: findBrowser()?.path, args: BROWSER_ARGS });
const kb = (/** @type {number} */ bytes) => (bytes / 1024).toFixed(1);
/** @type {Record<string, Record<string, string>>} */
const summary = {};
try {
  for (const path of paths) {
    const page = await browser.newPage({ serviceWorkers: 'block' });
    const totals = await measurePage(page, `http://localhost:${PORT}${path}`, DIST);
    console.log(`\n${path}`);
    console.table(
      Object.fromEntries(
        Object.entries(totals).map(([k, t]) => {
          const budget = BUDGETS[path]?.[k];
          const over = budget !== undefined && t.gzip / 1024 > budget;
          return [k, { files: t.files, 'KB raw': kb(t.raw), 'KB gzip': kb(t.gzip), 'budget KB gzip': budget ?? '', '': over ? 'OVER' : '' }];
        }),
      ),
    );
    const row = Object.fromEntries(['HTML', 'CSS', 'JS', 'fonts', 'other'].map((k) => [k, kb(totals[k]?.gzip ?? 0)]));
    summary[path] = { ...row, total: kb(Object.values(totals).reduce((sum, t) => sum + t.gzip, 0)) };
    await page.close();
  }
  console.log('\nKB gzip a page');
  console.table(summary);
} finally {
  await browser.close();
  server.kill();
}
