import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { axeViolations, expect, test, THEME_AND_WIDTH_RULES } from './fixtures';

// What the auto fixture in fixtures.ts counts as a failed request: a test that broke the site must
// fail, and a test must not fail for what the browser does by itself when a page navigates away.

/** Adds an image to the page, as a page that refers to a file would. */
async function addImage(page: Page, src: string): Promise<void> {
  await page.evaluate((url) => {
    const img = document.createElement('img');
    img.src = url;
    img.alt = '';
    document.body.append(img);
  }, src);
}

test('a file the page asks for that is missing is a failed request (HTTP 404)', async ({ page, problems, baseURL }) => {
  await page.goto('/');
  const response = page.waitForResponse('**/no-such-image.svg');
  await addImage(page, '/no-such-image.svg');
  expect((await response).status()).toBe(404);
  await expect.poll(() => problems.failedRequests).toEqual([`${baseURL}/no-such-image.svg (HTTP 404)`]);
  // Reported as above; allowed here only so that this test itself passes.
  problems.allow(/no-such-image\.svg \(HTTP 404\)/);
  problems.allow(/404 \(Not Found\)/);
});

test('a request cancelled because the page navigated away is not a failure; one the page aborts itself is', async ({ page, problems, baseURL }) => {
  // Requests that never get an answer, so they are still in flight when they are cancelled.
  await page.route('**/never-answered-*', () => undefined);
  await page.goto('/');
  const leftBehind = page.waitForEvent('requestfailed', (r) => r.url().endsWith('/never-answered-image.svg'));
  const asked = page.waitForRequest('**/never-answered-image.svg');
  await addImage(page, '/never-answered-image.svg');
  await asked;
  await page.goto('/guide/');
  expect((await leftBehind).failure()?.errorText).toBe('net::ERR_ABORTED');
  expect(problems.failedRequests).toEqual([]);

  // The same error without a navigation: the page gave up on a request of its own.
  const fetchAsked = page.waitForRequest('**/never-answered-fetch.json');
  await page.evaluate(() => {
    const w = window as unknown as { controller: AbortController; fetched: Promise<string> };
    w.controller = new AbortController();
    w.fetched = fetch('/never-answered-fetch.json', { signal: w.controller.signal }).then(
      () => 'answered',
      (e: Error) => e.name,
    );
  });
  await fetchAsked;
  const aborted = await page.evaluate(() => {
    const w = window as unknown as { controller: AbortController; fetched: Promise<string> };
    w.controller.abort();
    return w.fetched;
  });
  expect(aborted).toBe('AbortError');
  await expect.poll(() => problems.failedRequests).toEqual([`${baseURL}/never-answered-fetch.json (net::ERR_ABORTED)`]);
  problems.allow(/never-answered-fetch\.json \(net::ERR_ABORTED\)/);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('the tab icon, which the browser fetches by itself, still fails the test when it is missing', async ({ page, problems, baseURL }) => {
  await page.route('**/favicon.svg', (route) => route.fulfill({ status: 404, body: 'missing' }));
  await page.goto('/');
  await expect.poll(() => problems.failedRequests).toContain(`${baseURL}/favicon.svg (HTTP 404)`);
  problems.allow(/favicon\.svg \(HTTP 404\)/);
  problems.allow(/404 \(Not Found\)/);
});

test('the theme-and-width axe rules still catch a dark-theme contrast fault and a link told from its text by colour alone, naming every element, and only those rules run', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/');
  await page.evaluate(() => {
    const faint = (id: string): HTMLParagraphElement => {
      const p = document.createElement('p');
      p.id = id;
      p.textContent = 'Grey on grey';
      p.style.cssText = 'color: #444; background: #333';
      return p;
    };
    const prose = document.createElement('p');
    prose.style.cssText = 'color: #ddd';
    prose.innerHTML = 'Some text with <a href="/guide/" style="color: #e0e0e0; text-decoration: none">a link</a> in it.';
    // A fault no theme-and-width rule looks at: an image without a text alternative.
    const image = document.createElement('img');
    image.src = '/favicon.svg';
    document.querySelector('main')?.append(faint('faint-1'), faint('faint-2'), prose, image);
  });
  const { violations } = await new AxeBuilder({ page }).withRules([...THEME_AND_WIDTH_RULES]).analyze();
  expect(violations.map((v) => v.id).sort()).toEqual(['color-contrast', 'link-in-text-block']);
  // The specs' helper (violations only, passes not collected) reaches the same verdict, with every offending element.
  const readable = await axeViolations(page, { rules: THEME_AND_WIDTH_RULES });
  expect(readable).toHaveLength(2);
  expect(readable.find((v) => v.startsWith('color-contrast'))).toMatch(/\n {2}#faint-1\n {2}#faint-2$/);
  expect(readable.find((v) => v.startsWith('link-in-text-block'))).toBeDefined();
  expect((await axeViolations(page)).map((v) => v.split(' ')[0])).toEqual(expect.arrayContaining(['color-contrast', 'image-alt', 'link-in-text-block']));
});
