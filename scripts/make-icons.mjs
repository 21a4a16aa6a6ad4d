// Draws the web app manifest's PNG icons (public/icons/) from public/favicon.svg in Chromium.
// Run after changing the logo: node scripts/make-icons.mjs. The maskable icon keeps the logo
// inside the middle 80 % (the safe zone) on the logo's own blue.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { BROWSER_ARGS } from '../e2e/browser-args.mjs';
import { findBrowser } from './find-browser.mjs';

const svg = readFileSync('public/favicon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: findBrowser()?.path, args: BROWSER_ARGS });
for (const [name, size, inset] of [['icon-192', 192, 0], ['icon-512', 512, 0], ['icon-maskable-512', 512, 0.12]]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const pad = Math.round(size * inset);
  await page.setContent(
    `<body style="margin:0;background:${inset ? '#1f3f8f' : 'transparent'}"><div style="padding:${pad}px;width:${size - 2 * pad}px;height:${size - 2 * pad}px">${svg.replace('<svg ', `<svg width="${size - 2 * pad}" height="${size - 2 * pad}" `)}</div></body>`,
  );
  await page.screenshot({ path: `public/icons/${name}.png`, omitBackground: !inset });
  await page.close();
}
await browser.close();
console.log('wrote public/icons/icon-192.png, icon-512.png, icon-maskable-512.png');
