import { availableParallelism } from 'node:os';
import { defineConfig, devices } from '@playwright/test';
import { BROWSER_ARGS } from './e2e/browser-args.mjs';
import { findBrowser } from './scripts/find-browser.mjs';

/** Port of the `astro preview` server the specs run against (the built site, as deployed). */
const PORT = Number(process.env.E2E_PORT ?? 4399);
/** A system Chromium when Playwright's own is not installed (see scripts/find-browser.mjs). */
const executablePath = findBrowser()?.path;

export default defineConfig({
  testDir: './e2e',
  // Generous: a 2-core CI machine runs two browsers, and axe on a long lesson takes seconds.
  timeout: 60_000,
  expect: { timeout: 7_000 },
  fullyParallel: true,
  // Two at least, locally as in CI (Playwright's default, half the cores, is one on a 2-core machine).
  workers: Math.max(2, Math.floor(availableParallelism() / 2)),
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    // Off: recording a trace (screenshots, DOM snapshots) for every test costs about a third of the
    // run on 2 cores (pooling.spec.ts: 70 s against 50 s). To debug a failure, rerun it with
    // `npm run test:e2e -- e2e/<spec>.spec.ts --trace=on` and open it with `npx playwright show-trace`.
    trace: 'off',
    // The site's service worker precaches the whole site (about 7 MB) on a first visit: in every
    // spec's fresh browser that is CPU the 2-core machine needs, and a worker serving pages would
    // hide requests from page.route. Blocked here; offline.spec.ts allows it and tests it.
    serviceWorkers: 'block',
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: BROWSER_ARGS },
  },
  // Timing is not asserted here: `npm run bench:widgets` measures the main thread while training.
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: `node scripts/serve-dist.mjs ${PORT}`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
