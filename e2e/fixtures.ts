import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** What went wrong on a page while a test used it. */
interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
}

/**
 * The test function every spec uses. It watches each page for console errors, uncaught
 * exceptions, failed requests and requests that leave the site's origin, and fails the test if
 * any happened. A test that expects one (a deliberate crash) can call `problems.allow(pattern)`.
 */
export const test = base.extend<{ problems: PageProblems & { allow(pattern: RegExp): void } }>({
  problems: [
    async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL ?? 'http://localhost').origin;
    const allowed: RegExp[] = [];
    const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.consoleErrors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.pageErrors.push(e.message));
    page.on('requestfailed', (r) => problems.failedRequests.push(`${r.url()} (${r.failure()?.errorText ?? 'failed'})`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.failedRequests.push(`${r.url()} (HTTP ${r.status()})`);
    });
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.protocol.startsWith('http') && url.origin !== origin) problems.foreignRequests.push(r.url());
    });
    await use({ ...problems, allow: (pattern) => allowed.push(pattern) });
    const unexpected = (list: string[]): string[] => list.filter((p) => !allowed.some((a) => a.test(p)));
    expect(unexpected(problems.consoleErrors), 'console errors and warnings').toEqual([]);
    expect(unexpected(problems.pageErrors), 'uncaught exceptions').toEqual([]);
    expect(unexpected(problems.failedRequests), 'failed requests').toEqual([]);
    expect(unexpected(problems.foreignRequests), 'requests leaving the site').toEqual([]);
    },
    { auto: true },
  ],
});

/** Runs axe on the page (or part of it) and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const readable = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(readable, 'axe violations').toEqual([]);
}

/** Sets the colour theme the way a reader would: the remembered choice, before the page loads. */
export async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript((t) => localStorage.setItem('nn-theme', t), theme);
}

/** Fails if the page scrolls sideways (content wider than the viewport). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
}

/**
 * Puts `text` in a text box as a paste does, in one input event (fill() types long text slowly):
 * for hostile inputs such as a million characters.
 */
export async function pasteInto(box: Locator, text: string): Promise<void> {
  await box.evaluate((el, value) => {
    (el as HTMLInputElement | HTMLTextAreaElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

export { expect };
