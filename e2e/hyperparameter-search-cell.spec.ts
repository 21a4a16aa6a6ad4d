import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { gridSearch, randomSearch, successiveHalving, toyObjective, verdict, type SearchMethod } from '../lib/course/hyperparameter-search';
import { expect, expectNoAxeViolations, test } from './fixtures';

const LESSON = '/lessons/hyperparameter-search/';
const LABEL = 'Race your own search strategy on the toy objective';
// The cell races Bayesian optimisation over 20 seeds (about 10 s of a core on a quiet machine, ten
// times as long on a loaded one): a run is awaited up to the cell's own time limit, 300 s.
const SLOW = { timeout: 30_000 };
const RUN = { timeout: 310_000 };
const BUDGETS = [4, 9, 16, 25];
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const lesson = readFileSync(new URL('../lessons/hyperparameter-search.mdx', import.meta.url), 'utf8');
const starter = /<CodeCell id="race-your-strategy"[^>]*>\s*```ts\n([\s\S]*?)\n```/.exec(lesson)?.[1] ?? '';

test.beforeEach(() => test.slow());

const editor = (cell: Locator): Locator => cell.getByRole('textbox', { name: /^Code of cell/ });
const output = (cell: Locator): Locator => cell.getByRole('log', { name: /^Output of cell/ });
const status = (cell: Locator): Locator => cell.locator('.code-cell__status');

/** The lesson's cell, once its editor has loaded. */
async function openCell(page: Page): Promise<Locator> {
  await page.goto(LESSON);
  const cell = page.getByRole('region', { name: `Code cell: ${LABEL}` });
  await cell.scrollIntoViewIfNeeded();
  await expect(cell.getByRole('button', { name: 'Run', exact: true })).toBeEnabled(SLOW);
  await expect(editor(cell)).toBeVisible(SLOW);
  return cell;
}

/** Runs the cell with its Run button and waits until it has finished. */
async function run(cell: Locator): Promise<void> {
  await cell.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status(cell)).toHaveText(/^(Ran in|Error|Stopped|Not run|Kernel stopped)/, RUN);
}

/** A printed row as the cell prints it: the label in 20 columns, then a median per budget. */
const row = (label: string, medians: readonly number[]): string => `${label.padEnd(20)} ${medians.map((m) => m.toFixed(3)).join(' ')}`;
const medians = (method: SearchMethod): number[] => BUDGETS.map((b) => verdict(toyObjective, b, SEEDS, [method])[0]!.median);

test.describe('race your own search strategy', () => {
  test("the cell races the lesson's four methods and the reader's strategy through `search`, and an edited strategy gets its own row", async ({ page }) => {
    // Two runs of the whole race (each about 10 s of a core on a quiet machine, far more on a loaded one): no assertion here is about speed.
    test.setTimeout(900_000);
    const cell = await openCell(page);
    await run(cell);
    await expect(status(cell)).toHaveText(/^Ran in/);
    const log = output(cell);
    for (const [label, method] of [['Grid', gridSearch], ['Random', randomSearch], ['Successive halving', successiveHalving]] as const) await expect(log).toContainText(row(label, medians(method)));
    // Bayesian optimisation's medians at 4, 9 and 25 trials are the verdict table's (lesson-cell.node.test.ts recomputes all four).
    await expect(log).toContainText(/Bayesian {13}0\.547 0\.021 0\.\d{3} 0\.000/);
    await expect(log).toContainText(row('Mine', medians(randomSearch)));
    await expect(cell.getByRole('figure', { name: /^Median best value over seeds 1 to 20/ })).toBeVisible();
    // The chart's text alternative names every strategy.
    await expect(cell.getByText(/^Line chart "Median best value over seeds 1 to 20 \(toy objective\)"\. Mine: 4 points.*; Bayesian: 4 points/)).toBeAttached();

    // The reader's strategy: every trial on the axis that matters, evenly.
    const edited = starter.replace('return { x: search.randomPoint(seed, history.length), fidelity: 1 };', 'return { x: [(history.length + 0.5) / budget, 0], fidelity: 1 };');
    expect(edited).not.toBe(starter);
    await editor(cell).click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(edited);
    await run(cell);
    await expect(status(cell)).toHaveText(/^Ran in/);
    const f = (u: number, v: number): number => 1 - Math.exp(-((u - 0.62) ** 2) / (2 * 0.06 ** 2)) + 0.02 * v;
    await expect(log).toContainText(row('Mine', BUDGETS.map((b) => Math.min(...Array.from({ length: b }, (_, i) => f((i + 0.5) / b, 0))))));
    await expect(log).toContainText(row('Grid', medians(gridSearch)));
    await expectNoAxeViolations(page, { include: '[data-cell-id="race-your-strategy"]' });
  });

  test("the editor completes the library's names after `search.`, with their docs", async ({ page }) => {
    const cell = await openCell(page);
    await editor(cell).click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\nsearch.bayes');
    const list = page.getByRole('listbox');
    await expect(list.getByRole('option', { name: /^bayesianOptimisation/ })).toBeVisible();
    await expect(page.locator('.cm-completionInfo')).toContainText('Bayesian optimisation with a Matérn 5/2 GP and expected improvement.');
    await page.keyboard.press('Escape');
    await expect(list).toBeHidden();
  });
});
