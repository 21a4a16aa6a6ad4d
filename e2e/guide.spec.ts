import { expect, test } from './fixtures';

test('a widget that throws shows its message and a Retry button that brings it back', async ({ page }) => {
  await page.goto('/guide/');
  const widget = page.getByRole('region', { name: 'What a failure looks like' });
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.locator('astro-island')).not.toHaveAttribute('ssr');
  await widget.getByRole('button', { name: 'Count' }).click();
  await expect(widget.locator('output')).toHaveText('1');
  await widget.getByRole('button', { name: 'Simulate a crash' }).click();
  const alert = widget.getByRole('alert');
  await expect(alert).toContainText('The crash demonstration stopped working.');
  await expect(alert).toContainText('Simulated failure: the widget threw while rendering.');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(widget.getByRole('alert')).toHaveCount(0);
  await expect(widget.getByRole('button', { name: 'Simulate a crash' })).toBeVisible();
  await expect(widget.locator('output')).toHaveText('0');
});

test('the frontmatter table lists every field from the schema', async ({ page }) => {
  await page.goto('/guide/');
  const table = page.locator('.fields-table');
  for (const field of ['title', 'summary', 'order', 'outcomes', 'prerequisites', 'draft', 'updated']) {
    await expect(table.getByRole('cell', { name: field, exact: true })).toBeVisible();
  }
  await expect(table.getByRole('row', { name: /^title yes/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /^draft no/ })).toBeVisible();
});

test('a link to an unwritten lesson is plain text marked "coming soon"', async ({ page }) => {
  await page.goto('/guide/');
  await expect(page.getByText('the optimizers lesson (coming soon)')).toBeVisible();
  await expect(page.getByRole('link', { name: 'the activation functions lesson' })).toHaveAttribute('href', '/lessons/activation-functions/');
});
