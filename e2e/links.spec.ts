import { expect, expectNoAxeViolations, test, useTheme } from './fixtures';

const LESSON = '/lessons/activation-functions/';

test.describe('links to a widget', () => {
  test('Copy link ends at the widget; the link opens there, with its state, hydrated and focused', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(LESSON);
    const explorer = page.getByRole('region', { name: 'Activation explorer' });
    await explorer.getByRole('checkbox', { name: 'Swish' }).scrollIntoViewIfNeeded();
    await expect(explorer.locator('astro-island')).not.toHaveAttribute('ssr');
    await explorer.getByRole('checkbox', { name: 'Swish' }).check();
    await explorer.getByRole('slider', { name: 'Swish β' }).fill('2');
    await explorer.getByRole('button', { name: 'Copy link' }).click();
    await expect(explorer.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(link.pathname).toBe(LESSON);
    expect(link.hash).toBe('#widget-activation-explorer');
    expect(link.searchParams.get('beta')).toBe('2');

    // A reader opens it: the page starts at the widget (no scrolling by the test), which has started and has focus.
    await page.close();
    const reader = await context.newPage();
    await reader.goto(link.href);
    const opened = reader.getByRole('region', { name: 'Activation explorer' });
    await expect(opened).toBeFocused();
    await expect(opened).toBeInViewport();
    await expect(opened.locator('astro-island')).not.toHaveAttribute('ssr');
    await expect(opened.getByRole('checkbox', { name: 'Swish' })).toBeChecked();
    await expect(opened.getByRole('slider', { name: 'Swish β' })).toHaveValue('2');
    // (Whether the widgets above it start too is not asserted: a browser may lay the page out from the top, with a widget
    // there in view for a moment, before it scrolls to the fragment; the CI run on a busy machine saw the first one start.)
    // Tab goes on into the widget from its frame.
    await reader.keyboard.press('Tab');
    await expect(opened.locator(':focus')).toHaveCount(1);
  });

  test('a link to a widget from the same page moves focus to it', async ({ page }) => {
    await page.goto(LESSON);
    await page.evaluate(() => {
      location.hash = '#widget-softmax';
    });
    const softmax = page.getByRole('region', { name: 'Softmax' });
    await expect(softmax).toBeFocused();
    await expect(softmax).toBeInViewport();
    await expect(softmax.locator('astro-island')).not.toHaveAttribute('ssr');
  });
});

test.describe('links to a heading', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`every h2 and h3 has a link to itself, named after it (${theme})`, async ({ page }) => {
      await useTheme(page, theme);
      await page.setViewportSize({ width: 375, height: 800 });
      await page.goto(LESSON);
      const heading = page.getByRole('heading', { level: 2, name: 'The functions' });
      const anchor = page.getByRole('link', { name: 'Link to the section “The functions”' });
      await expect(anchor).toHaveAttribute('href', `#${await heading.getAttribute('id')}`);
      // The lesson's own headings (the Markdown ones, children of the text column) are all anchored.
      await expect(page.locator('.prose > :is(h2, h3)')).toHaveCount(0);
      const headings = await page.locator('.prose > .heading-anchored > :is(h2, h3)').count();
      expect(headings).toBeGreaterThan(5);
      await expect(page.locator('.prose > .heading-anchored > .heading-anchor')).toHaveCount(headings);
      await anchor.focus();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/#the-functions$/);
      await expect(heading).toBeInViewport();
      await expectNoAxeViolations(page, '.prose .heading-anchored');
    });
  }
});
