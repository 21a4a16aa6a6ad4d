import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// This spec lets the site's service worker run (the others block it: playwright.config.ts).
test.use({ serviceWorkers: 'allow' });
test.setTimeout(120_000); // the first visit precaches the whole site

/** Visits the home page once and waits until the service worker has precached the site and is active. */
async function firstVisit(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

test('after one visit, a lesson, its widgets and search work with the network cut', async ({ page, context }) => {
  await firstVisit(page);
  await context.setOffline(true); // the fixture fails the test if any request then fails

  // A lesson never opened before, from a shared link to a widget with its state.
  await page.goto('/lessons/activation-functions/?fns=tanh,swish&z=-3#widget-activation-explorer');
  const explorer = page.getByRole('region', { name: 'Activation explorer' });
  await expect(explorer).toBeFocused();
  await expect(explorer.locator('astro-island')).not.toHaveAttribute('ssr');
  await expect(explorer.getByRole('table')).toContainText('z = −3.00');
  await explorer.getByRole('checkbox', { name: 'Sigmoid' }).check();
  await expect(explorer.getByRole('row', { name: /^Sigmoid/ }).getByRole('cell').first()).toHaveText('0.047'); // σ(−3) = 0.0474

  // A widget whose numbers come from a Web Worker (the softmax runs the engine in float32).
  const softmax = page.getByRole('region', { name: 'Softmax' });
  await softmax.scrollIntoViewIfNeeded();
  await expect(softmax.locator('astro-island')).not.toHaveAttribute('ssr');
  await expect(softmax).toContainText('0.66');
  await softmax.getByRole('textbox').first().fill('3'); // logits 3, 1, 0.1: e³ / (e³ + e + e^0.1) = 0.840
  await expect(softmax).toContainText('0.84');

  // Search: its index was precached too.
  await page.getByRole('searchbox', { name: 'Search the course' }).fill('count_include_pad');
  await expect(page.getByRole('list', { name: 'Search results' }).locator('a[href="/lessons/pooling/"]')).toHaveCount(1);
});

test('the site is installable: a web app manifest with its icons', async ({ page }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifestUrl = new URL(href ?? '', page.url());
  const manifest = (await (await page.request.get(manifestUrl.href)).json()) as { name: string; start_url: string; display: string; icons: { src: string; sizes: string }[] };
  expect(manifest).toMatchObject({ name: 'Neural Notebook', start_url: './', display: 'standalone' });
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, manifestUrl).href);
    expect(response.status(), icon.src).toBe(200);
    if (icon.src.endsWith('.png')) {
      const png = await response.body();
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }
  }
});

test.describe('a new version', () => {
  // A copy of the built site on a server of its own, so that a new build can be made by editing
  // its sw.js (the browser fetches a worker's script itself: no route can change it).
  const port = Number(process.env.E2E_PORT ?? 4399) + 100;
  let copy = '';
  let server: ChildProcess | undefined;
  test.use({ baseURL: `http://localhost:${port}` });
  test.beforeAll(async () => {
    copy = mkdtempSync(join(tmpdir(), 'nn-site-'));
    cpSync('dist', copy, { recursive: true });
    server = spawn(process.execPath, ['scripts/serve-dist.mjs', String(port), copy], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((started) => server?.stdout?.once('data', started));
  });
  test.afterAll(() => {
    server?.kill();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  test('announces itself, and Reload brings it in', async ({ page }) => {
    await firstVisit(page);
    await page.reload(); // now the page is controlled by the worker
    const prompt = page.getByRole('status').filter({ hasText: 'A new version of the course is available.' });
    await expect(prompt).toBeHidden();
    appendFileSync(join(copy, 'sw.js'), '\n// the next build\n');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      await registration.update();
    });
    await expect(prompt).toBeVisible();
    await prompt.getByRole('button', { name: 'Reload' }).click();
    await page.waitForEvent('load');
    await expect(prompt).toBeHidden();
    // The page is now served by the new worker, with none waiting.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).waiting)).toBeNull();
  });
});
