// Makes sure there is a Chromium for Playwright to drive: Playwright's own if installed, else a
// system Chromium or Chrome; failing both it tries to install one (Playwright's download, then
// Debian's package when running as root), and if that fails too it says exactly what to install.
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

/**
 * The browser the end-to-end tests will use (see find-browser.mjs), installing one if there is
 * none; exits the process with a list of what to install when that fails. Returns the environment
 * that points Playwright at it.
 */
export function ensureBrowser() {
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
  return browser.path ? { CHROMIUM_PATH: browser.path } : {};
}
