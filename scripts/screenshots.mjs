// Takes screenshots of built pages, as a reader sees them: light and dark, 1280 px and 375 px
// wide. Usage: npm run build && npm run preview & node scripts/screenshots.mjs /lessons/x/ [more paths]
// Pictures land in screenshots/ (ignored by git).
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { BROWSER_ARGS } from '../e2e/browser-args.mjs';
import { findBrowser } from './find-browser.mjs';

const base = process.env.BASE_URL ?? 'http://localhost:4321';
const paths = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const full = process.argv.includes('--full');
const browser = await chromium.launch({ executablePath: findBrowser()?.path, args: BROWSER_ARGS });
mkdirSync('screenshots', { recursive: true });
for (const path of paths.length ? paths : ['/']) {
  for (const [scheme, width] of [['light', 1280], ['dark', 1280], ['light', 375], ['dark', 375]]) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
    page.on('console', (m) => m.type() === 'error' && console.log(`console error on ${path}: ${m.text()}`));
    await page.goto(base + path, { waitUntil: 'networkidle' });
    await page.waitForTimeout(400);
    const name = `screenshots/${path.replace(/\W+/g, '_') || 'home'}-${scheme}-${width}.png`;
    await page.screenshot({ path: name, fullPage: full });
    console.log(name);
    await page.close();
  }
}
await browser.close();
