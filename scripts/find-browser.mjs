// Finds a Chromium for Playwright: Playwright's own download if present, else a system Chromium
// or Chrome on PATH or in the usual places. Returns undefined when there is none.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];
const PLACES = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** Where Playwright's own Chromium is, if it has been installed with `npx playwright install`. */
export function playwrightChromium() {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** A system Chromium or Chrome: on PATH first, then at the usual install locations. */
export function systemChromium() {
  for (const name of NAMES) {
    try {
      const found = execFileSync(process.platform === 'win32' ? 'where' : 'which', [name], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      })
        .split(/\r?\n/)[0]
        ?.trim();
      if (found && existsSync(found)) return found;
    } catch {
      // not on PATH
    }
  }
  return PLACES.find((p) => existsSync(p));
}

/**
 * The browser to test with: $CHROMIUM_PATH if set, else Playwright's own, else a system one.
 * `undefined` means Playwright's default (which will fail if nothing is installed).
 */
export function findBrowser() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return { path: fromEnv, source: '$CHROMIUM_PATH' };
  const own = playwrightChromium();
  if (own) return { path: undefined, source: `Playwright's Chromium (${own})` };
  const system = systemChromium();
  if (system) return { path: system, source: `system browser ${system}` };
  return undefined;
}
