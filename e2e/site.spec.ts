import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test, THEME_AND_WIDTH_RULES, useTheme, pageSettled } from './fixtures';
import { builtPages } from './pages';

/**
 * Every formula, table and code block in the text that is wider than its column, unless it shows
 * that it scrolls: a region the keyboard reaches (role, tab stop, name) with the edge shadows of
 * global.css. Folded asides are opened first, so their formulas are measured too.
 */
async function silentOverflows(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    await document.fonts.ready;
    // Two frames: layout, then the ResizeObserver that names the regions.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const describe = (el: Element): string => (el.querySelector('annotation')?.textContent ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return [...document.querySelectorAll<HTMLElement>('.prose .katex-display, .prose .table-scroll, .prose pre.astro-code')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .filter((el) => {
        const style = getComputedStyle(el);
        const cued = style.backgroundImage.includes('radial-gradient') && style.backgroundAttachment.includes('scroll') && style.backgroundAttachment.includes('local');
        const reachable = el.getAttribute('role') === 'region' && el.tabIndex === 0 && /scrolls sideways/.test(el.getAttribute('aria-label') ?? '');
        return !(cued && reachable);
      })
      .map((el) => `${el.scrollWidth - el.clientWidth} px too wide, no cue: ${describe(el)}`);
  });
}

/** Punctuation after an inline formula that starts a line of its own, e.g. the "." of "$g(z) = z$. Two layers". */
async function strandedPunctuation(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const stranded: string[] = [];
    for (const math of document.querySelectorAll<HTMLElement>('.prose .katex')) {
      if (math.closest('.katex-display')) continue;
      const next = math.nextSibling;
      if (next?.nodeType !== Node.TEXT_NODE || !/^[.,;:!?)]/.test(next.textContent ?? '')) continue;
      const bases = math.querySelectorAll('.base');
      const last = bases[bases.length - 1]?.getBoundingClientRect();
      const range = document.createRange();
      range.setStart(next, 0);
      range.setEnd(next, 1);
      const mark = range.getBoundingClientRect();
      const middle = (mark.top + mark.bottom) / 2;
      if (last && mark.height > 0 && (middle < last.top || middle > last.bottom)) {
        stranded.push(`"${next.textContent?.slice(0, 12)}" after ${math.querySelector('annotation')?.textContent?.slice(0, 40)}`);
      }
    }
    return stranded;
  });
}

/** No punctuation stranded from its formula, and no formula, table or code block that scrolls without saying so (folded asides opened). */
async function expectFormulasFit(page: Page): Promise<void> {
  expect.soft(await strandedPunctuation(page), 'punctuation wrapped away from its formula').toEqual([]);
  expect.soft(await silentOverflows(page), 'regions that scroll without saying so').toEqual([]);
}

const pages = builtPages();

test('the build has the home page, a lesson, the guide and a 404 page', () => {
  expect(pages).toEqual(expect.arrayContaining(['/', '/404.html', '/guide/', '/lessons/activation-functions/']));
});

// One load per page and theme, with every whole-page check on it (loading, reading the page and
// axe take most of the time): light at 1280 px and dark at 375 px, so each theme and each width is
// seen once, by axe too. The other two pairings add nothing to axe: colours come from the theme
// alone, and the width rules of global.css only move the table of contents, resize the text and
// hide the header's Guide link (styled as the links beside it). The light load runs every axe
// rule; the dark one, on the same HTML, only the rules that theme or width can change
// (THEME_AND_WIDTH_RULES): the structural rules would repeat the light run's verdict at about half
// of each page's axe time. The widget specs run axe on their widgets, started, in both themes,
// and check them at 375 px.
for (const path of pages) {
  test.describe(`page ${path}`, () => {
    // Each test does the work of the three it replaced (load, axe, layout): give it their time.
    test.slow();
    test('light theme at 1280 px: title, description, language and charset; no axe violations; every formula fits or shows that it scrolls', async ({ page }) => {
      await useTheme(page, 'light');
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      expect.soft(await page.locator('meta[charset]').getAttribute('charset')).toMatch(/utf-8/i);
      expect.soft(await page.title()).toMatch(/\S/);
      expect.soft(await page.locator('meta[name="description"]').getAttribute('content')).toMatch(/.{20,}/);
      await expect.soft(page.locator('h1')).toHaveCount(1);
      await pageSettled(page);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      await expectNoAxeViolations(page, { soft: true });
      await expectFormulasFit(page);
    });

    test('dark theme at 375 px: no sideways scrolling; no axe violations; every formula fits or shows that it scrolls', async ({ page }) => {
      await useTheme(page, 'dark');
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto(path);
      await pageSettled(page);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await expectNoHorizontalScroll(page, { soft: true });
      await expectNoAxeViolations(page, { soft: true, rules: THEME_AND_WIDTH_RULES });
      await expectFormulasFit(page);
    });
  });
}

test.describe('theme', () => {
  test('follows the system when nothing is chosen', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });

  test('the toggle overrides the system and is remembered across pages', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    const toggle = page.getByRole('button', { name: /Colour theme/ });
    await expect(toggle).toHaveAccessibleName('Colour theme: Auto (follows the system)');
    await toggle.click(); // system → light
    await toggle.click(); // light → dark
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAccessibleName('Colour theme: Dark');
    await page.goto('/lessons/activation-functions/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('button', { name: /Colour theme/ }).click(); // dark → system
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });

  test('applies a remembered theme before the body is parsed (no flash)', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await useTheme(page, 'dark');
    // Record the theme at the moment the first element of <body> exists, before any paint.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { themeAtBody: string | undefined }).themeAtBody = document.documentElement.dataset.theme;
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('/lessons/activation-functions/');
    expect(await page.evaluate(() => (window as unknown as { themeAtBody?: string }).themeAtBody)).toBe('dark');
  });
});

test('the course map lists each lesson with a summary, reading time and outcomes', async ({ page }) => {
  await page.goto('/');
  const card = page.locator('.course-card').filter({ hasText: 'Activation functions' });
  await expect(card.getByRole('link', { name: 'Activation functions' })).toHaveAttribute('href', '/lessons/activation-functions/');
  await expect(card).toContainText(/\d+ min read/);
  await card.getByText('What you will be able to do').click();
  await expect(card.getByRole('listitem').first()).toBeVisible();
});

test('the sitemap, linked from the sitemap index the server answers, lists every page of the build but the 404 page', async ({ request }) => {
  const index = await request.get('/sitemap-index.xml');
  expect(index.status()).toBe(200);
  const part = /<loc>https:\/\/[^/]+(\/sitemap-\d+\.xml)<\/loc>/.exec(await index.text())?.[1];
  expect(part).toBeDefined();
  const listed = [...(await (await request.get(part!)).text()).matchAll(/<loc>https:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]).sort();
  expect(listed).toEqual(pages.filter((p) => p !== '/404.html'));
});

test('a missing page shows the 404 page with links to the lessons', async ({ page, problems }) => {
  problems.allow(/HTTP 404/);
  problems.allow(/404 \(Not Found\)/);
  const response = await page.goto('/no/such/page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'Activation functions' })).toBeVisible();
});

test('a lesson page has a table of contents whose links reach their sections, even on a slow machine', async ({ page }) => {
  // At a sixth of the speed the widgets passed on the way hydrate during the smooth scroll and
  // change height: without the correction at the scroll's end (TableOfContents.astro) the heading
  // ended 91 px above the top in 4 tries of 4 on one build and 1 of 4 on the next.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await page.goto('/lessons/activation-functions/');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await toc.getByRole('link', { name: 'Saturation' }).click();
  await expect(page).toHaveURL(/#saturation$/);
  await expect(page.getByRole('heading', { name: 'Saturation', level: 2 })).toBeInViewport();
});

test('a formula too wide for a phone is a named region that the keyboard scrolls', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/lessons/convolution/');
  const formula = page.getByRole('region', { name: /^Formula \d+ \(scrolls sideways\)$/ }).first();
  await formula.focus();
  await expect(formula).toBeFocused();
  expect(await formula.evaluate((el) => el.scrollLeft)).toBe(0);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => formula.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});

test('printing hides the navigation', async ({ page }) => {
  await page.goto('/lessons/activation-functions/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

// Social previews: a shared link shows the page's title, description and its own card image,
// which the site serves as a 1200 × 630 PNG (site/pages/og/, made at build time).
test('the home page and every lesson name their own social preview image, served as a 1200 × 630 PNG', async ({ request }) => {
  const lessonPages = pages.filter((p) => /^\/lessons\/[^/]+\/$/.test(p));
  expect(lessonPages.length).toBeGreaterThan(5);
  for (const path of ['/', ...lessonPages]) {
    const html = await (await request.get(path)).text();
    const meta = (key: string): string | undefined => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
    const id = path === '/' ? 'home' : path.split('/')[2];
    expect.soft(meta('og:title'), path).toMatch(/\S/);
    expect.soft(meta('og:description'), path).toMatch(/.{20,}/);
    expect.soft(meta('twitter:card'), path).toBe('summary_large_image');
    expect.soft(meta('og:url'), path).toBe(`https://neural-notebook.example${path}`);
    const image = new URL(meta('og:image') ?? '', 'http://missing.invalid');
    expect(image.origin, path).toBe('https://neural-notebook.example');
    expect(image.pathname, path).toBe(`/og/${id}.png`);
    const response = await request.get(image.pathname);
    expect(response.status(), image.pathname).toBe(200);
    expect(response.headers()['content-type'], image.pathname).toBe('image/png');
    const png = await response.body();
    expect(png.subarray(0, 8).toString('hex'), image.pathname).toBe('89504e470d0a1a0a');
    expect(png.subarray(12, 16).toString('ascii'), image.pathname).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)], image.pathname).toEqual([1200, 630]);
  }
});
