import { readFileSync, readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test, useTheme } from './fixtures';

/** Five words from the first line of prose of each lesson (after its frontmatter and imports), with the lesson’s path: a phrase to search for in quotes. */
function lessonPhrases(): { path: string; phrase: string }[] {
  return readdirSync('lessons')
    .filter((f) => f.endsWith('.mdx'))
    .map((file) => {
      const body = readFileSync(`lessons/${file}`, 'utf8').split(/^---$/m)[2] ?? '';
      const line = body.split('\n').find((l) => /^[A-Z][a-z]*( [a-z,]+){5}/.test(l) && !/[<{$`]/.test(l.split(' ').slice(0, 6).join(' ')));
      if (!line) throw new Error(`${file}: expected a line of plain prose to search for`);
      return { path: `/lessons/${file.replace(/\.mdx$/, '')}/`, phrase: line.split(' ').slice(0, 5).join(' ').replace(/[,*]/g, '') };
    });
}

/** The header's search box. */
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search the course' });
const results = (page: Page) => page.getByRole('list', { name: 'Search results' });
/** The first search on a page downloads and compiles Pagefind's index and WebAssembly: on a loaded 2-core machine that took over 7 s. */
const FIRST_SEARCH = { timeout: 20_000 };

test('a phrase from each lesson finds that lesson', async ({ page }) => {
  const phrases = lessonPhrases();
  expect(phrases.length).toBeGreaterThan(5);
  await page.goto('/');
  for (const { path, phrase } of phrases) {
    // In quotes, as a reader looks for a phrase: Pagefind then matches the words in that order (unquoted, it ranks pages by the words alone, and common words rank every lesson alike).
    await searchBox(page).fill(`"${phrase}"`);
    await expect(page.getByRole('status').filter({ hasText: /found/ })).toBeVisible(FIRST_SEARCH);
    await expect(results(page).locator(`a[href="${path}"]`), `searching “${phrase}”`).toHaveCount(1);
  }
});

test('/ focuses the box; results name the section a match falls under; keys move through them', async ({ page }) => {
  await page.goto('/lessons/pooling/');
  await page.locator('body').press('/');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('count_include_pad');
  const pooling = results(page).getByRole('listitem').filter({ has: page.locator('a[href="/lessons/pooling/"]') });
  await expect(pooling).toBeVisible(FIRST_SEARCH);
  // A section of the lesson: a link to a heading's anchor on that page, titled with the heading.
  const section = pooling.locator('a[href^="/lessons/pooling/#"]').first();
  await expect(section).toBeVisible();
  const anchor = (await section.getAttribute('href'))?.split('#')[1] ?? '';
  const heading = page.locator(`[id="${anchor}"]`);
  await expect(section.locator('.site-search__title')).toHaveText((await heading.textContent()) ?? '');
  await expect(section.locator('mark').first()).toBeVisible();

  await searchBox(page).press('ArrowDown');
  await expect(results(page).getByRole('link').first()).toBeFocused();
  // Results that arrive while the reader is in the list (a slow typist's last word) keep their place.
  const shown = await results(page).getByRole('link').first().elementHandle();
  await searchBox(page).dispatchEvent('input');
  await shown?.waitForElementState('hidden'); // replaced by the new search's list
  await expect(results(page).getByRole('link').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(searchBox(page)).toBeFocused();
  await expect(results(page)).toBeHidden();
  await searchBox(page).press('ArrowDown'); // opens the results again
  await expect(section).toBeVisible();
  await section.click();
  await expect(page).toHaveURL(new RegExp(`/lessons/pooling/#${anchor}$`));
  await expect(heading).toBeInViewport();
});

// Pagefind falls back to words sharing the query's first letters, so only a query without letters finds nothing.
test('a search that finds nothing says so', async ({ page }) => {
  await page.goto('/');
  await searchBox(page).fill('~~~');
  await expect(page.getByRole('status').filter({ hasText: 'Nothing found for “~~~”.' })).toBeVisible(FIRST_SEARCH);
  await expect(results(page).getByRole('listitem')).toHaveCount(0);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the search box and its results are accessible at 375 px (${theme})`, async ({ page }) => {
    await useTheme(page, theme);
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/lessons/backpropagation/');
    await searchBox(page).fill('gradient');
    await expect(results(page).getByRole('listitem').first()).toBeVisible(FIRST_SEARCH);
    await expectNoHorizontalScroll(page);
    const box = await page.locator('.site-search__panel').boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375, `panel within the screen: ${JSON.stringify(box)}`).toBe(true);
    await expectNoAxeViolations(page, '.site-header');
  });
}
