import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test, useTheme } from './fixtures';
import { builtPages } from './pages';

const pages = builtPages();

test('the build has the home page, a lesson, the guide and a 404 page', () => {
  expect(pages).toEqual(expect.arrayContaining(['/', '/404.html', '/guide/', '/lessons/activation-functions/']));
});

for (const path of pages) {
  test.describe(`page ${path}`, () => {
    test('loads with a title, description, language and charset, and no errors', async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      expect(await page.locator('meta[charset]').getAttribute('charset')).toMatch(/utf-8/i);
      expect(await page.title()).toMatch(/\S/);
      expect(await page.locator('meta[name="description"]').getAttribute('content')).toMatch(/.{20,}/);
      await expect(page.locator('h1')).toHaveCount(1);
      await page.waitForLoadState('networkidle');
    });

    for (const theme of ['light', 'dark'] as const) {
      test(`has no axe violations in the ${theme} theme`, async ({ page }) => {
        await useTheme(page, theme);
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        await expectNoAxeViolations(page);
      });
    }

    test('fits a 375 px phone without sideways scrolling, and stays accessible there', async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page);
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

test('a missing page shows the 404 page with links to the lessons', async ({ page, problems }) => {
  problems.allow(/HTTP 404/);
  problems.allow(/404 \(Not Found\)/);
  const response = await page.goto('/no/such/page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'Activation functions' })).toBeVisible();
});

test('a lesson page has a table of contents whose links reach their sections', async ({ page }) => {
  await page.goto('/lessons/activation-functions/');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await toc.getByRole('link', { name: 'Saturation' }).click();
  await expect(page).toHaveURL(/#saturation$/);
  await expect(page.getByRole('heading', { name: 'Saturation', level: 2 })).toBeInViewport();
});

test('printing hides the navigation', async ({ page }) => {
  await page.goto('/lessons/activation-functions/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
