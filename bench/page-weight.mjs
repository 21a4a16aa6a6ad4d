// Page weight of a built page as a reader downloads it (see weight.mjs): every file the page
// requests once all its widgets have started, gzipped, summed by type, next to the page's budget
// (which e2e/weight.spec.ts enforces). Usage (after npm run build):
//   node bench/page-weight.mjs /lessons/activation-functions/ [more paths]
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { BROWSER_ARGS } from '../e2e/browser-args.mjs';
import { findBrowser } from '../scripts/find-browser.mjs';
import { BUDGETS, measurePage } from './weight.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4397);
const paths = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BUDGETS);
const server = spawn(process.execPath, ['scripts/serve-dist.mjs', String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: findBrowser()?.path, args: BROWSER_ARGS });
try {
  for (const path of paths) {
    const page = await browser.newPage({ serviceWorkers: 'block' });
    const totals = await measurePage(page, `http://localhost:${PORT}${path}`);
    console.log(`\n${path}`);
    console.table(
      Object.fromEntries(
        Object.entries(totals).map(([k, t]) => {
          const budget = BUDGETS[path]?.[k];
          const over = budget !== undefined && t.gzip / 1024 > budget;
          return [k, { files: t.files, 'KB raw': (t.raw / 1024).toFixed(1), 'KB gzip': (t.gzip / 1024).toFixed(1), 'budget KB gzip': budget ?? '', '': over ? 'OVER' : '' }];
        }),
      ),
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
