// Runs the end-to-end specs against the built site. First makes sure there is a Chromium to drive:
// Playwright's own if installed, else a system Chromium or Chrome; failing both it tries to
// install one (Playwright's download, then Debian's package when running as root), and if that
// fails too it says exactly what to install. Then it builds the site and runs Playwright.
// Arguments are passed on to `playwright test` (e.g. `npm run test:e2e -- e2e/site.spec.ts`).
// Set E2E_SKIP_BUILD=1 to test the dist/ already built.
import { spawnSync } from 'node:child_process';
import { findBrowser } from './find-browser.mjs';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32', ...options });
  return result.status === 0;
}

function tryInstallBrowser() {
  console.log('e2e: no Chromium found; trying `npx playwright install chromium` …');
  if (run('npx', ['playwright', 'install', 'chromium'], { timeout: 300_000 }) && findBrowser()) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.log("e2e: Playwright's download failed; installing Debian's chromium with apt-get …");
    run('apt-get', ['update', '-qq']);
    if (run('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }) && findBrowser()) {
      return true;
    }
  }
  return false;
}

let browser = findBrowser();
if (!browser && tryInstallBrowser()) browser = findBrowser();
if (!browser) {
  console.error(`
e2e: no browser to test with, and installing one failed. Install one of these, then run npm test again:
  - Playwright's Chromium:   npx playwright install chromium
  - Debian or Ubuntu:        sudo apt-get install chromium
  - macOS:                   install Google Chrome (or Chromium) in /Applications
  - anywhere:                set CHROMIUM_PATH to a Chromium or Chrome executable
`);
  process.exit(1);
}
console.log(`e2e: testing with ${browser.source}`);

if (!process.env.E2E_SKIP_BUILD && !run('npx', ['astro', 'build'])) process.exit(1);

const ok = run('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  env: { ...process.env, ...(browser.path ? { CHROMIUM_PATH: browser.path } : {}) },
});
process.exit(ok ? 0 : 1);
