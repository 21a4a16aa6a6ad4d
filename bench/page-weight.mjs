// Page weight of a built page as a reader downloads it: every file the page requests once all its
// widgets have started (scrolled into view), gzipped, summed by type. Usage (after npm run build):
//   node bench/page-weight.mjs /lessons/activation-functions/ [more paths]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { BROWSER_ARGS } from '../e2e/browser-args.mjs';
import { findBrowser } from '../scripts/find-browser.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4397);
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/', '/lessons/activation-functions/', '/lessons/cnn-sizes/', '/notebook/'];
const server = spawn(process.execPath, ['scripts/serve-dist.mjs', String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: findBrowser()?.path, args: BROWSER_ARGS });
const kind = (file) => ({ '.html': 'HTML', '.css': 'CSS', '.js': 'JS', '.woff2': 'fonts', '.woff': 'fonts' })[extname(file)] ?? 'other';
try {
  for (const path of paths) {
    const page = await browser.newPage();
    const files = new Set();
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.port === String(PORT)) files.add(url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname);
    });
    // Not 'networkidle': a code cell's kernel (a blob: worker in a sandboxed frame) can keep a
    // request pending for good. Instead: loaded, every island scrolled to, and no new file for 3 s (a cell starts its kernel when the browser is idle, within 2 s).
    await page.goto(`http://localhost:${PORT}${path}`, { waitUntil: 'load' });
    for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
    for (let seen = -1, quiet = 0; quiet < 6; ) {
      await page.waitForTimeout(500);
      quiet = files.size === seen ? quiet + 1 : 0;
      seen = files.size;
    }
    const totals = {};
    for (const file of files) {
      const bytes = readFileSync(join('dist', file));
      const t = (totals[kind(file)] ??= { files: 0, raw: 0, gzip: 0 });
      t.files++;
      t.raw += bytes.length;
      t.gzip += gzipSync(bytes, { level: 9 }).length;
    }
    console.log(`\n${path}`);
    console.table(
      Object.fromEntries(
        Object.entries(totals).map(([k, t]) => [k, { files: t.files, 'KB raw': (t.raw / 1024).toFixed(1), 'KB gzip': (t.gzip / 1024).toFixed(1) }]),
      ),
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
