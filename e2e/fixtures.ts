import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page, type Request } from '@playwright/test';

/** What went wrong on a page while a test used it. */
interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
}

/**
 * The test function every spec uses. It watches each page for console errors, uncaught
 * exceptions, failed requests (an HTTP status >= 400, or a network error other than the browser
 * cancelling a request because the page navigated away) and requests that leave the site's origin,
 * and fails the test if any happened. A test that expects one (a deliberate crash) can call
 * `problems.allow(pattern)`. fixtures.spec.ts checks what counts as a failed request.
 */
export const test = base.extend<{ problems: PageProblems & { allow(pattern: RegExp): void } }>({
  problems: [
    async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL ?? 'http://localhost').origin;
    const allowed: RegExp[] = [];
    const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
    page.on('console', (m) => {
      // Playwright's own notice where it blocks the site's service worker (playwright.config.ts).
      if (m.text() === 'Service Worker registration blocked by Playwright') return;
      if (m.type() === 'error' || m.type() === 'warning') problems.consoleErrors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.pageErrors.push(e.message));
    // A request the browser cancels because the page navigated away (a reload, a link, goto) fails
    // with net::ERR_ABORTED: that is the browser's doing, not a fault of the site. So an abort counts
    // only if no main-frame navigation began after the request did. A missing file is a response
    // with status >= 400, below; any other network error always counts.
    let navigations = 0;
    const startedAfter = new WeakMap<Request, number>();
    page.on('request', (r) => {
      startedAfter.set(r, navigations);
      if (r.isNavigationRequest() && r.frame() === page.mainFrame()) navigations++;
    });
    page.on('requestfailed', (r) => {
      const error = r.failure()?.errorText ?? 'failed';
      if (error === 'net::ERR_ABORTED' && (startedAfter.get(r) ?? navigations) < navigations) return;
      // A code cell's kernel is a worker made from a blob: URL in its sandboxed (opaque-origin)
      // frame. Chromium sometimes reports that in-memory script as aborted in the same millisecond
      // it requests it, although the worker starts and runs (about one page load in six); every
      // lesson has cells, so any spec may see it. It is no request to the site; a kernel that
      // really fails to start shows an error in its cell, which the notebook specs check.
      if (error === 'net::ERR_ABORTED' && /^blob:null\/[0-9a-f-]+$/.test(r.url())) return;
      // The tab's icon is fetched by the browser, not the page, and Chromium cancels and restarts that
      // fetch when the page's URL changes (a reload, or a widget writing its state into the link with
      // history.replaceState), in an order the events do not always show (seen in CI). A missing icon
      // is still a response with status 404, below.
      if (error === 'net::ERR_ABORTED' && new URL(r.url()).pathname.endsWith('/favicon.svg')) return;
      problems.failedRequests.push(`${r.url()} (${error})`);
    });
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

/** Where axe looks and how it reports: `include`, a selector, narrows it to part of the page; `soft` lets the test go on after violations (they fail it at its end). */
interface AxeOptions {
  include?: string;
  soft?: boolean;
  /** Only these axe rules (default: every rule axe runs by default). */
  rules?: readonly string[];
}

/**
 * The axe rules whose outcome can change with the colour theme or the viewport's width alone, the
 * same HTML otherwise: contrast, links told apart from text by colour, regions that scroll (more
 * of them at 375 px) and touch-target sizes. A page already checked with every rule in one theme
 * and width needs only these in another.
 */
export const THEME_AND_WIDTH_RULES = ['color-contrast', 'link-in-text-block', 'scrollable-region-focusable', 'target-size'] as const;

/** Every live widget's frame on a page: what widget specs give axe (site.spec.ts checks whole pages). */
export const WIDGETS = 'section.widget';

/**
 * The axe violations on the page (or the part `include` selects), each rule with every element
 * that breaks it, as readable lines.
 */
export async function axeViolations(page: Page, { include, rules }: Omit<AxeOptions, 'soft'> = {}): Promise<string[]> {
  // Legacy mode runs axe.run in the page itself. The default runs axe in every frame and then opens
  // a new page to merge the results, which took 2-3 times as long on a lesson page here (convolution:
  // 35-42 s against 14-17 s on a loaded machine) for the same verdict (52 rules passed, none failed,
  // in both). What legacy mode cannot test is a cross-origin frame's content; the only frames on
  // our pages are the code cells' kernels, hidden and empty (see components/notebook/sandbox.ts).
  // resultTypes: violations are reported in full, as before, but passed, incomplete and inapplicable
  // rules with one element each instead of every element of the page, which nothing here reads:
  // the same verdict, and full-page axe on the pooling lesson took 11 s instead of 16-23 s on a
  // loaded machine. Set before withRules: AxeBuilder's options() replaces the rules chosen.
  let builder = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
  if (include) builder = builder.include(include);
  if (rules) builder = builder.withRules([...rules]);
  const { violations } = await builder.analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
}

/** Runs axe on the page (or the part `include` selects) and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page, scope: string | AxeOptions = {}): Promise<void> {
  const options: AxeOptions = typeof scope === 'string' ? { include: scope } : scope;
  (options.soft ? expect.soft : expect)(await axeViolations(page, options), 'axe violations').toEqual([]);
}

/**
 * Sets the colour theme the way a reader would: the remembered choice, before the page loads.
 * An init script runs in every frame; only the page itself stores the choice (a code cell's
 * sandboxed frame has no storage, and touching it there would throw).
 */
export async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript((t) => {
    if (window === window.top) localStorage.setItem('nn-theme', t);
  }, theme);
}

/**
 * Waits until the page has loaded and its fonts are in, the state axe and layout checks need.
 * Not Playwright's 'networkidle': a code cell's kernel runs a blob: worker in a sandboxed frame,
 * and Chromium can leave that request pending, so the network may never look idle (a 3-minute
 * timeout seen in CI-like runs). Specs wait for what they need (islands hydrated, a verdict) first.
 */
export async function pageSettled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

/** Fails if the page scrolls sideways (content wider than the viewport); `soft` lets the test go on. */
export async function expectNoHorizontalScroll(page: Page, { soft = false } = {}): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  (soft ? expect.soft : expect)(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
}

export { expect };
