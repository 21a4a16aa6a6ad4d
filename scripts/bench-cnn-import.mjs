// Measures the CNN sizes widget's main thread under hostile pastes, in Chromium: for each paste,
// how long putting the text into the box takes (the browser laying out the textarea, and the
// widget's re-render), then the main-thread long tasks (over 50 ms) from clicking Build until the
// answer is on screen, and the answer itself. Prints figures; asserts nothing (see e2e/ for that).
// Usage: npm run build, then `node scripts/serve-dist.mjs 4412 &` and
//   BASE_URL=http://localhost:4412 node scripts/bench-cnn-import.mjs
import { chromium } from '@playwright/test';
import { BROWSER_ARGS } from '../e2e/browser-args.mjs';
import { findBrowser } from './find-browser.mjs';

const base = process.env.BASE_URL ?? 'http://localhost:4321';
const lines = (line, n) => Array.from({ length: n }, () => line).join('\n');
const PASTES = {
  '10,000 ReLU lines': lines('nn.ReLU()', 10_000),
  '10,000 Conv2d lines': lines('nn.Conv2d(16, 16, 3, padding=1)', 10_000),
  '60,000 broken lines': lines('1 2', 60_000),
  'Sequential nested 5,000 deep': `${'nn.Sequential('.repeat(5_000)}nn.ReLU()${')'.repeat(5_000)}`,
  '100,000 nested brackets': `${'('.repeat(100_000)}1${')'.repeat(100_000)}`,
  '1 MB of junk': Array.from({ length: 1_000_000 }, (_, i) => 'ab(){}:=+-*/ \n#x'[(i * 7919) % 16]).join(''),
  '200 layers': lines('nn.Conv2d(3, 3, 3, padding=1), nn.ReLU(),', 100),
};

const browser = await chromium.launch({ executablePath: findBrowser()?.path, args: BROWSER_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.addInitScript(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(Math.round(entry.duration));
  }).observe({ type: 'longtask', buffered: true });
});
await page.goto(`${base}/lessons/cnn-sizes/`);
const widget = page.getByRole('region', { name: 'Layer-stack calculator' });
await widget.scrollIntoViewIfNeeded();
await page.waitForTimeout(3000);
const box = widget.getByRole('textbox', { name: 'PyTorch model' });

console.log('paste | put into the box: set value, layout, re-render (ms) | long tasks after Build (ms) | answer');
for (const [name, text] of Object.entries(PASTES)) {
  const put = await box.evaluate((element, value) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
    element.focus();
    let t = performance.now();
    setter.call(element, value);
    const set = performance.now() - t;
    t = performance.now();
    void element.offsetHeight;
    const layout = performance.now() - t;
    t = performance.now();
    element.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    return [set, layout, performance.now() - t].map(Math.round);
  }, text);
  await page.evaluate(() => (window.__longTasks = []));
  await widget.getByRole('button', { name: 'Build stack from code' }).click();
  await page.waitForFunction(() => !document.querySelector('.import-box__status')?.textContent, null, { timeout: 120_000 });
  await page.waitForTimeout(1000);
  const longTasks = await page.evaluate(() => window.__longTasks);
  const answer = await widget.locator('.import-box__problems, .import-box__built').first().innerText();
  console.log(`${name} | ${put.join(', ')} | ${JSON.stringify(longTasks)} | ${answer.replace(/\s+/g, ' ').slice(0, 100)}`);
}
await browser.close();
