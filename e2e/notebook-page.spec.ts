import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test } from './fixtures';

// The standalone notebook at /notebook/: code and Markdown cells, notebooks saved by name, and
// .ipynb / .ts files in and out.
const SLOW = { timeout: 30_000 };
test.beforeEach(() => test.slow());

const cellRegion = (page: Page, n: number): Locator => page.getByRole('region', { name: new RegExp(`^(Code|Markdown) cell ${n}$`) });
const status = (cell: Locator): Locator => cell.locator('.code-cell__status');
const notebooks = (page: Page): Locator => page.getByRole('list', { name: 'Your notebooks' }).getByRole('listitem');

/** Opens the notebook page and waits for the open notebook's cells. */
async function openNotebookPage(page: Page): Promise<void> {
  await page.goto('/notebook/');
  await expect(page.getByRole('button', { name: 'Run all' })).toBeEnabled(SLOW);
  await expect(cellRegion(page, 1)).toBeVisible(SLOW);
}

/** Types `code` into the code cell `cell` (its editor loaded). */
async function typeCode(page: Page, cell: Locator, code: string): Promise<void> {
  const editor = cell.getByRole('textbox', { name: /^Code of cell/ });
  await expect(editor).toBeVisible(SLOW);
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(code);
}

/** The text of a file the page downloads when `button` is clicked. */
async function download(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const waiting = page.waitForEvent('download');
  await button.click();
  const file = await waiting;
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

/** Imports `text` as a file named `name` through the Import .ipynb button's file chooser. */
async function importFile(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import .ipynb' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('a first visit opens “Getting started”, whose cells run in one kernel: the gradient, then a plot', async ({ page }) => {
  await openNotebookPage(page);
  await expect(page.getByRole('textbox', { name: 'Notebook name' })).toHaveValue('Getting started');
  await expect(cellRegion(page, 1).locator('.katex').first()).toBeVisible();
  // The cell's "# Getting started" is a section of the page, whose one h1 is its own.
  await expect(cellRegion(page, 1).getByRole('heading', { name: 'Getting started', level: 2 })).toBeVisible();
  await expect(page.locator('h1')).toHaveCount(1);
  await page.getByRole('button', { name: 'Run all' }).click();
  const gradient = cellRegion(page, 2);
  await expect(status(gradient)).toHaveText(/^Ran in/, SLOW);
  await expect(gradient.getByRole('log')).toContainText('tensor([0.1050, 0.2500, 0.1050])');
  await expect(gradient.locator('.code-cell__count')).toHaveText('[1]');
  const plot = cellRegion(page, 3);
  await expect(status(plot)).toHaveText(/^Ran in/, SLOW);
  await expect(plot.getByRole('log')).toContainText('Line chart "tanh"');
  await expect(plot.locator('.code-cell__count')).toHaveText('[2]');
});

test('cells are added, written, moved and deleted (with Undo), and the notebook is kept under its name after a reload', async ({ page }) => {
  await openNotebookPage(page);
  await page.getByRole('button', { name: 'New notebook' }).click();
  await expect(page.getByRole('textbox', { name: 'Notebook name' })).toHaveValue('Untitled');
  const name = page.getByRole('textbox', { name: 'Notebook name' });
  await name.fill('Chain rule');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByText('Renamed “Untitled” to “Chain rule”.')).toBeVisible();

  await typeCode(page, cellRegion(page, 1), 'const w = tensor([3], { requiresGrad: true });\nw.mul(w).sum().backward();\nw.grad');
  await page.getByRole('button', { name: 'Add Markdown cell above cell 1' }).click();
  const markdown = page.getByRole('textbox', { name: 'Markdown of cell 1' });
  await expect(markdown).toBeFocused();
  await markdown.fill('## Notes\n\nFor $f(w) = w^2$, $f\'(3) = 6$.');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(cellRegion(page, 1).getByRole('heading', { name: 'Notes' })).toBeVisible();
  await expect(cellRegion(page, 1).locator('.katex')).toHaveCount(2);

  // Move the code cell above the notes, by button, and back by keyboard.
  await page.getByRole('button', { name: 'Move cell 2 up' }).click();
  await expect(cellRegion(page, 1)).toHaveAttribute('aria-label', 'Code cell 1');
  await page.getByRole('button', { name: 'Move cell 1 down' }).click();
  await expect(cellRegion(page, 2)).toHaveAttribute('aria-label', 'Code cell 2');
  await cellRegion(page, 2).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(cellRegion(page, 2).getByRole('log')).toContainText('tensor([6.])', SLOW);

  // Delete the notes, undo, and they are back in place.
  await page.getByRole('button', { name: 'Delete cell 1' }).click();
  await expect(page.getByRole('region', { name: /cell 2$/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cellRegion(page, 1).getByRole('heading', { name: 'Notes' })).toBeVisible();

  await expect(page.locator('.nb-save')).toHaveText('Saved', SLOW);
  await page.reload();
  await expect(notebooks(page)).toHaveCount(2, SLOW);
  await notebooks(page).getByRole('button', { name: 'Chain rule', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Notebook name' })).toHaveValue('Chain rule');
  await expect(cellRegion(page, 1).getByRole('heading', { name: 'Notes' })).toBeVisible();
  await expect(cellRegion(page, 2).getByRole('textbox', { name: /^Code of cell/ })).toContainText('w.mul(w).sum().backward();', SLOW);
});

test('Export .ipynb gives an nbformat 4 notebook that imports back, in a fresh browser, to the same cells; Export .ts gives the code', async ({ page, browser }) => {
  await openNotebookPage(page);
  await page.getByRole('button', { name: 'Run all' }).click();
  await expect(status(cellRegion(page, 3))).toHaveText(/^Ran in/, SLOW);
  await expect(page.locator('.nb-save')).toHaveText('Saved', SLOW);
  const ipynb = await download(page, page.getByRole('button', { name: 'Export .ipynb' }));
  expect(ipynb.name).toBe('Getting started.ipynb');
  const nb = JSON.parse(ipynb.text) as { nbformat: number; nbformat_minor: number; metadata: { kernelspec: { language: string } }; cells: { cell_type: string; source: string[]; outputs?: unknown[] }[] };
  expect([nb.nbformat, nb.nbformat_minor]).toEqual([4, 5]);
  expect(nb.metadata.kernelspec.language).toBe('typescript');
  expect(nb.cells.map((c) => c.cell_type)).toEqual(['markdown', 'code', 'code']);
  expect(nb.cells[1]!.source.join('')).toContain('s.sum().backward();');
  expect(JSON.stringify(nb.cells[1]!.outputs)).toContain('tensor([0.1050, 0.2500, 0.1050])');

  const ts = await download(page, page.getByRole('button', { name: 'Export .ts' }));
  expect(ts.name).toBe('Getting started.ts');
  expect(ts.text).toContain('// %%\nconst z = tensor([-2, 0, 2], { requiresGrad: true });');
  expect(ts.text).toContain('// %% [markdown]\n// # Getting started');

  // A fresh profile: nothing saved there but its own first notebook.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openNotebookPage(other);
  await importFile(other, 'Shared by a classmate.ipynb', ipynb.text);
  await expect(other.getByText('Imported “Shared by a classmate.ipynb” as “Shared by a classmate”, 3 cells.')).toBeVisible(SLOW);
  await expect(other.getByRole('textbox', { name: 'Notebook name' })).toHaveValue('Shared by a classmate');
  await expect(cellRegion(other, 1).getByRole('heading', { name: 'Getting started' })).toBeVisible();
  await expect(cellRegion(other, 2).getByRole('log')).toContainText('tensor([0.1050, 0.2500, 0.1050])');
  await expect(notebooks(other)).toHaveCount(2);
  await fresh.close();
});

test('an import that is not a valid notebook is refused with the reason, and no notebook changes', async ({ page }) => {
  await openNotebookPage(page);
  await expect(page.locator('.nb-save')).toHaveText('Saved', SLOW);
  const before = await notebooks(page).allInnerTexts();
  await importFile(page, 'broken.ipynb', '{"cells": [ {"cell_type": "code", ');
  await expect(page.getByRole('alert')).toContainText('“broken.ipynb” was not imported:', SLOW);
  await importFile(page, 'wrong.ipynb', JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ id: 'a', cell_type: 'code', metadata: {}, outputs: [], execution_count: null, source: 42 }] }));
  await expect(page.getByRole('alert')).toContainText('“wrong.ipynb” was not imported:');
  await expect(page.getByRole('alert')).toContainText('source');
  expect(await notebooks(page).allInnerTexts()).toEqual(before);
  await expect(page.getByRole('textbox', { name: 'Notebook name' })).toHaveValue('Getting started');
});

test.describe('at 375 px and in both themes', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`the page fits the screen and is axe clean (${theme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width: 375, height: 800 });
      await openNotebookPage(page);
      await page.getByRole('button', { name: 'Run all' }).click();
      await expect(status(cellRegion(page, 3))).toHaveText(/^Ran in/, SLOW);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page, 'main');
    });
  }
});
