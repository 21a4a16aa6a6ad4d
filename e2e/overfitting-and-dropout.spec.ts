import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test, useTheme } from './fixtures';

const LESSON = '/lessons/overfitting-and-dropout/';
// The kernel starts in a worker on a shared 2-core machine: generous waits, no assertion on time.
const SLOW = { timeout: 30_000 };

test.describe('overfitting and dropout lesson', () => {
  test.beforeEach(() => test.slow());

  test('the code cell builds the CNN and prints its parameter count, 89 % of it in the Linear layers', async ({ page }) => {
    await page.goto(LESSON);
    const cell = page.getByRole('region', { name: "Code cell: Build the lesson's CNN and count its parameters" });
    await cell.scrollIntoViewIfNeeded();
    const run = cell.getByRole('button', { name: 'Run', exact: true });
    await expect(run).toBeEnabled(SLOW);
    await run.click();
    const output = cell.getByRole('log', { name: /^Output of cell/ });
    await expect(output).toContainText('parameters: 11178', SLOW);
    await expect(output).toContainText('in the two Linear layers: 9930 (89 %)');
    await expect(output).toContainText('[ 2, 10 ]');
  });

  test('states the data source and licence, and is accessible in light and dark at 375 px', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(LESSON);
    const note = page.getByRole('complementary', { name: "The data's source and licence" });
    await expect(note).toContainText('Creative Commons Attribution-Share Alike 3.0');
    await expect(note).toContainText('MIT licence');
    await expect(page.getByRole('link', { name: 'pooling lesson' })).toHaveAttribute('href', '/lessons/pooling/');
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    await useTheme(page, 'dark');
    await expectNoAxeViolations(page);
  });
});
