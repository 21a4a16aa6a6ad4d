import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, pageSettled, test, useTheme } from './fixtures';

// The kernel and the experiment's worker start on a shared 2-core machine: generous waits, and
// every test gets 3x the default time. Nothing here asserts a duration.
const SLOW = { timeout: 30_000 };
test.beforeEach(() => test.slow());

/** The exercise with this id, once its island has read the saved progress (its Check is enabled). */
async function exercise(page: Page, id: string): Promise<Locator> {
  const section = page.locator(`section.exercise[data-exercise="${id}"]`);
  await section.scrollIntoViewIfNeeded();
  await expect(section.getByRole('button', { name: 'Check', exact: true })).toBeEnabled(SLOW);
  return section;
}

/** The answer saved in the browser's database for exercise `id` (undefined if none yet). */
async function savedAnswer(page: Page, id: string): Promise<unknown> {
  return page.evaluate(
    (key) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('neural-notebook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('progress')) return resolve(undefined);
          const get = db.transaction('progress').objectStore('progress').get(key);
          get.onsuccess = () => resolve((get.result as { answer?: unknown } | undefined)?.answer);
          get.onerror = () => reject(get.error);
        };
      }),
    id,
  );
}

const answerBox = (ex: Locator): Locator => ex.getByRole('textbox', { name: /^Your answer/ });
const feedback = (ex: Locator): Locator => ex.getByRole('status').first();

/** Types `text` into the exercise's field and checks it. */
async function answer(ex: Locator, text: string): Promise<void> {
  await answerBox(ex).fill(text);
  await ex.getByRole('button', { name: 'Check', exact: true }).click();
}

/** Replaces the code in a code exercise's editor, as a student typing would. */
async function setCode(page: Page, ex: Locator, code: string): Promise<void> {
  const editor = ex.getByRole('textbox', { name: /^Code of exercise/ });
  await expect(editor).toBeVisible(SLOW);
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(code);
}

const POOL_SOLUTION = [
  'const x = tensor([[[[1, 3, 2, 0], [4, 6, 5, 1], [0, 2, 9, 8], [3, 1, 7, 4]]]], { requiresGrad: true });',
  'const pooled = maxPool2d(x, 2);',
  'pooled.sum().backward();',
  'const nonzero = x.grad!.ne(0).sum().item();',
].join('\n');

test.describe('exercises', () => {
  test('shape and choice: a wrong answer says what is wrong, torch.Size is accepted, hints one at a time, and a reload keeps it all', async ({ page }) => {
    await page.goto('/lessons/pooling/');
    const shape = await exercise(page, 'pooling/alexnet-pool');
    await answer(shape, '(96, 53, 53)');
    await expect(feedback(shape)).toContainText('Not right yet');
    await expect(feedback(shape)).toContainText('That is the size with stride 1');
    await expect(answerBox(shape)).toHaveAttribute('aria-invalid', 'true');
    await expect(shape.getByText('The solution shows once your answer is correct.')).toBeVisible();
    await answer(shape, 'torch.Size([96, 27, 27])');
    await expect(feedback(shape)).toContainText('Correct');
    await expect(shape.getByText('2 attempts')).toBeVisible();
    await shape.getByText('Solution', { exact: true }).click();
    await expect(shape.getByText(/no parameters: pooling has none/)).toBeVisible();

    // Hints: one per press, in order.
    await shape.getByRole('button', { name: 'Show a hint (1 of 2)' }).click();
    await expect(shape.getByText('Hint 1:')).toBeVisible();
    await expect(shape.getByText('Hint 2:')).toHaveCount(0);
    await expect(shape.getByRole('button', { name: 'Show another hint (2 of 2)' })).toBeVisible();

    const choice = await exercise(page, 'pooling/max-padding');
    await choice.getByRole('radio', { name: /faster to compare/ }).check();
    await choice.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(feedback(choice)).toContainText('Comparisons cost the same');
    await choice.getByRole('radio', { name: /padding never wins/ }).check();
    await choice.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(feedback(choice)).toContainText('Correct');

    // An answer typed and not checked is kept too.
    const cells = await exercise(page, 'pooling/max-gradient-cells');
    await answerBox(cells).fill('4 cells');
    await expect.poll(() => savedAnswer(page, 'pooling/max-gradient-cells')).toEqual({ kind: 'numeric', text: '4 cells' });

    await page.reload();
    const shapeAgain = await exercise(page, 'pooling/alexnet-pool');
    await expect(answerBox(shapeAgain)).toHaveValue('torch.Size([96, 27, 27])');
    await expect(feedback(shapeAgain)).toContainText('Correct');
    await expect(shapeAgain.getByText('2 attempts')).toBeVisible();
    await expect(shapeAgain.getByText('Hint 1:')).toBeVisible();
    await expect((await exercise(page, 'pooling/max-padding')).getByRole('radio', { name: /padding never wins/ })).toBeChecked();
    await expect(answerBox(await exercise(page, 'pooling/max-gradient-cells'))).toHaveValue('4 cells');
  });

  test('numeric: units and a thousands separator are accepted; a known slip is named', async ({ page }) => {
    await page.goto('/lessons/convolution/');
    const ex = await exercise(page, 'convolution/wide-layer-parameters');
    await answer(ex, '73,728');
    await expect(feedback(ex)).toContainText('That counts the weights only');
    await answer(ex, '73,856 parameters');
    await expect(feedback(ex)).toContainText('Correct');
    await answer(ex, 'about seventy thousand');
    await expect(feedback(ex)).toContainText(/expected a number/i);
  });

  test('code: Check runs the checks in the page kernel, lists each failure, and passes the solution; the code survives a reload', async ({ page }) => {
    await page.goto('/lessons/pooling/');
    const ex = await exercise(page, 'pooling/max-pool-backward');
    await ex.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(feedback(ex)).toContainText('0 of 3 checks passed', SLOW);
    await expect(feedback(ex)).toContainText('expected shape (1, 1, 2, 2); got (1, 1, 4, 4)');
    // Lines printed to look like passed checks are output, not checks: the verdict comes from the checks' own messages.
    await setCode(page, ex, `const x = tensor([1]);\nconst pooled = x;\nconst nonzero = 0;\nfor (let i = 0; i < 3; i++) print('✓ forged check ' + i);`);
    await ex.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(feedback(ex)).toContainText('0 of 3 checks passed', SLOW);
    await expect(feedback(ex)).not.toContainText('forged');
    await setCode(page, ex, POOL_SOLUTION);
    await ex.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(feedback(ex)).toContainText('All 3 checks passed', SLOW);
    await expect.poll(() => savedAnswer(page, 'pooling/max-pool-backward')).toEqual({ kind: 'code', code: POOL_SOLUTION });
    await page.reload();
    const again = await exercise(page, 'pooling/max-pool-backward');
    await expect(again.getByRole('textbox', { name: /^Code of exercise/ })).toContainText('maxPool2d(x, 2)', SLOW);
    await expect(feedback(again)).toContainText('Correct');
  });

  test('keyboard only: answer a choice and a shape, reveal a hint', async ({ page }) => {
    await page.goto('/lessons/pooling/');
    const choice = await exercise(page, 'pooling/max-padding');
    // Tab into the radio group from the element before it.
    await choice.getByRole('radio').first().focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(choice.getByRole('radio').first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expect(choice.getByRole('radio', { name: /padding never wins/ })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(choice.getByRole('button', { name: 'Check', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(feedback(choice)).toContainText('Correct');
    await page.keyboard.press('Tab');
    await expect(choice.getByRole('button', { name: 'Show a hint (1 of 1)' })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(choice.getByText('Hint 1:')).toBeVisible();

    const shape = await exercise(page, 'pooling/alexnet-pool');
    await answerBox(shape).focus();
    await page.keyboard.type('96 x 27 x 27');
    await page.keyboard.press('Enter');
    await expect(feedback(shape)).toContainText('Correct');
  });

  test('progress: the page shows the score; hand in downloads the file; import in a fresh browser restores it; a corrupt file changes nothing', async ({ page, browser }) => {
    await page.goto('/lessons/pooling/');
    await answer(await exercise(page, 'pooling/alexnet-pool'), '[96, 27, 27]');
    await expect(feedback(await exercise(page, 'pooling/alexnet-pool'))).toContainText('Correct');
    await answer(await exercise(page, 'pooling/max-gradient-cells'), '16');
    await expect(feedback(await exercise(page, 'pooling/max-gradient-cells'))).toContainText('average pooling');

    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'My progress' }).click();
    await expect(page.getByRole('heading', { name: 'My progress', level: 1 })).toBeVisible();
    await expect(page.getByText(/^Total: 1 of \d+ points · 1 of \d+ exercises correct$/)).toBeVisible(SLOW);
    const pooling = page.getByRole('table', { name: /Exercises of Pooling/ });
    await expect(pooling.getByRole('row', { name: /alexnet-pool/ })).toContainText('Correct');
    await expect(pooling.getByRole('row', { name: /max-gradient-cells/ })).toContainText('Not right yet');
    await expect(pooling.getByRole('row', { name: /Lesson total/ })).toContainText('1 / 6');

    // Hand in: a name is needed first.
    await page.getByRole('button', { name: 'Download hand-in file' }).click();
    await expect(page.getByText(/Type your name or your student id/)).toBeVisible();
    await page.getByRole('textbox', { name: 'Your name' }).fill('Ada Lovelace');
    await page.getByRole('textbox', { name: 'Student id' }).fill('s-1815');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download hand-in file' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('hand-in-neural-notebook-ada-lovelace.json');
    const file = await download.path();
    const handIn = JSON.parse(await readFile(file, 'utf8')) as { format: string; student: unknown; answers: Record<string, { answer: unknown; attempts: number; contentHash: string }> };
    expect(handIn.format).toBe('neural-notebook/hand-in');
    expect(handIn.student).toEqual({ name: 'Ada Lovelace', id: 's-1815' });
    expect(handIn.answers['pooling/alexnet-pool']).toMatchObject({ answer: { kind: 'shape', text: '[96, 27, 27]' }, attempts: 1 });
    expect(handIn.answers['pooling/alexnet-pool']?.contentHash).toMatch(/^[0-9a-f]{64}$/);

    // A fresh browser profile: nothing saved; a corrupt file is refused; the hand-in restores the answers.
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto('/progress/');
    await expect(other.getByText(/^Total: 0 of \d+ points/)).toBeVisible(SLOW);
    const fileInput = other.getByLabel('Hand-in file');
    await fileInput.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "format": "neural-notebook/hand-in", ') });
    await other.getByRole('button', { name: 'Import' }).click();
    await expect(other.getByText(/broken\.json was not imported, and nothing was changed\. Expected a hand-in file \(JSON\)/)).toBeVisible();
    await expect(other.getByText(/^Total: 0 of \d+ points/)).toBeVisible();
    await fileInput.setInputFiles(file);
    await other.getByRole('button', { name: 'Import' }).click();
    await expect(other.getByText(/^Imported 2 answers from .* \(Ada Lovelace, s-1815, /)).toBeVisible();
    await expect(other.getByText(/^Total: 1 of \d+ points/)).toBeVisible();
    await other.goto('/lessons/pooling/');
    const restored = await exercise(other, 'pooling/alexnet-pool');
    await expect(answerBox(restored)).toHaveValue('[96, 27, 27]');
    await expect(feedback(restored)).toContainText('Correct');
    await fresh.close();
  });

  test('private mode: with no storage the exercise still checks, keeps the answer in the page and says it is not saved', async ({ page }) => {
    // As some private windows do: touching indexedDB throws.
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', {
        get() {
          throw new DOMException('The user denied permission to access the database.', 'SecurityError');
        },
      });
    });
    await page.goto('/lessons/pooling/');
    const ex = await exercise(page, 'pooling/alexnet-pool');
    await expect(ex.getByText(/Your answers are not saved: this browser does not let the site store data/)).toBeVisible();
    await answer(ex, '(96, 27, 27)');
    await expect(feedback(ex)).toContainText('Correct');
    await expect(ex.getByText('1 attempt')).toBeVisible();
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'My progress' }).click();
    await expect(page.getByText(/Your answers are not saved/)).toBeVisible();
  });

  test('experiment: set the widget up, change what is allowed, use its settings, and Check re-runs it', async ({ page }) => {
    await page.goto('/lessons/vanishing-gradients/');
    const ex = await exercise(page, 'vanishing-gradients/tanh-init');
    const href = await ex.getByRole('link', { name: 'Set up the widget for this exercise' }).getAttribute('href');
    expect(href).toBe('?a=tanh&b=tanh&binit=xavier#the-experiment');
    // A forbidden change is refused with the setting named.
    await page.goto(`/lessons/vanishing-gradients/?a=tanh&b=tanh&binit=xavier&depth=4`);
    let again = await exercise(page, 'vanishing-gradients/tanh-init');
    await again.getByRole('button', { name: 'Use the widget’s current settings' }).click();
    await again.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(feedback(again)).toContainText('you changed depth from 10 to 4', SLOW);
    await page.goto(`/lessons/vanishing-gradients/?a=tanh&b=tanh&binit=xavier&ainit=xavier`);
    again = await exercise(page, 'vanishing-gradients/tanh-init');
    await again.getByRole('button', { name: 'Use the widget’s current settings' }).click();
    await expect(again.getByText('Your answer: ainit: xavier')).toBeVisible();
    await again.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(feedback(again)).toContainText(/Goal reached: Run A reached \d+\.\d % test accuracy after 400 steps/, { timeout: 120_000 });
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`axe (${theme}) and 375 px on every kind, answered wrongly with a hint shown`, async ({ page }) => {
      await useTheme(page, theme);
      await page.setViewportSize({ width: 375, height: 800 });
      await page.goto('/lessons/pooling/');
      const shape = await exercise(page, 'pooling/alexnet-pool');
      await answer(shape, '(96, 53, 53)');
      await expect(feedback(shape)).toContainText('Not right yet');
      await shape.getByRole('button', { name: /Show a hint/ }).click();
      const numeric = await exercise(page, 'pooling/max-gradient-cells');
      await answer(numeric, '16 cells');
      await expect(feedback(numeric)).toContainText('Not right yet');
      const choice = await exercise(page, 'pooling/max-padding');
      await choice.getByRole('radio').nth(1).check();
      await choice.getByRole('button', { name: 'Check', exact: true }).click();
      const code = await exercise(page, 'pooling/max-pool-backward');
      await code.getByRole('button', { name: 'Check', exact: true }).click();
      await expect(feedback(code)).toContainText('checks passed', SLOW);
      await pageSettled(page);
      await expectNoAxeViolations(page, 'section.exercise');
      await expectNoHorizontalScroll(page);

      await page.goto('/lessons/vanishing-gradients/');
      await exercise(page, 'vanishing-gradients/tanh-init');
      await pageSettled(page);
      await expectNoAxeViolations(page, 'section.exercise[data-exercise="vanishing-gradients/tanh-init"]');
      await expectNoHorizontalScroll(page);

      await page.goto('/progress/');
      await expect(page.getByText(/^Total: /)).toBeVisible(SLOW);
      await pageSettled(page);
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
    });
  }
});
