import type { Locator, Page } from '@playwright/test';
import { TORCHVISION_ALEXNET_PASTEABLE } from '../lib/ml/layer-stack/testing/snippets';
import { readFixture } from '../lib/ml/layer-stack/testing/torch/python.mjs';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test, useTheme } from './fixtures';
import { pasteFromClipboard, pasteText } from './text-input';

const LESSON = '/lessons/cnn-sizes/';

/** The widget's frame, once its island has started. */
async function openWidget(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${LESSON}${query}`);
  const widget = page.getByRole('region', { name: 'Layer-stack calculator' });
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.locator('astro-island')).not.toHaveAttribute('ssr');
  return widget;
}

const summary = (widget: Locator) => widget.locator('.cnn-sizes__summary');
const verdict = (widget: Locator) => widget.locator('.engine-verdict');
const row = (widget: Locator, n: number) => widget.locator('tbody tr.layer-table__row').nth(n - 1);
const shapeOf = (widget: Locator, n: number) => row(widget, n).locator('td').first();


test.describe('layer-stack calculator', () => {
  test('opens with LeNet-5, whose shapes and total the engine check confirms', async ({ page }) => {
    const widget = await openWidget(page);
    await expect(widget.getByRole('button', { name: 'LeNet-5' })).toHaveAttribute('aria-pressed', 'true');
    await expect(shapeOf(widget, 1)).toHaveText('(1, 6, 28, 28)');
    await expect(shapeOf(widget, 7)).toHaveText('(1, 400)');
    await expect(summary(widget)).toContainText('Output (1, 10). 61,706 parameters (61,470 weights and 236 biases)');
    await expect(verdict(widget)).toContainText('produced the same shapes and parameter counts as the table for all 12 layers', { timeout: 20_000 });
    await expect(row(widget, 1).locator('.layer-table__engine')).toHaveText('✓ same');
  });

  test('a layer is added and edited by keyboard, and the table and the link follow', async ({ page }) => {
    const widget = await openWidget(page);
    // Open the last layer with the keyboard and change out_features.
    const last = widget.getByRole('button', { name: 'Linear(84, 10)' });
    await last.focus();
    await page.keyboard.press('Enter');
    await expect(last).toHaveAttribute('aria-expanded', 'true');
    const outFeatures = widget.getByRole('textbox', { name: /out_features/ });
    await outFeatures.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('5');
    await expect(widget.getByRole('button', { name: 'Linear(84, 5)' })).toBeVisible();
    await expect(shapeOf(widget, 12)).toHaveText('(1, 5)');
    await expect(summary(widget)).toContainText('61,281 parameters');

    // Add a Softmax after the open layer: choose it in the list by typing, then press the button.
    const type = widget.getByRole('combobox', { name: 'Layer type' });
    await type.focus();
    await type.selectOption('Softmax');
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveText('Add layer after layer 12');
    await page.keyboard.press('Enter');
    const softmax = widget.getByRole('button', { name: 'Softmax(dim=-1)' });
    await expect(softmax).toHaveAttribute('aria-expanded', 'true');
    const dim = widget.getByRole('textbox', { name: /^dim/ });
    await expect(dim).toBeFocused();
    await expect(shapeOf(widget, 13)).toHaveText('(1, 5)');

    // Move it up by keyboard: the focus stays on the button that moved it.
    await widget.getByRole('button', { name: 'Move up' }).focus();
    await page.keyboard.press('Enter');
    await expect(widget.getByRole('button', { name: 'Move up' })).toBeFocused();
    await expect(row(widget, 12).getByRole('button')).toHaveText('Softmax(dim=-1)');
    await expect(page).toHaveURL(/layers=conv-1-6-5_.*_tanh_softmax-m1_fc-84-5(&|$)/);
  });

  test('a pasted nn.Sequential builds the stack with the right total', async ({ page }) => {
    const widget = await openWidget(page);
    await pasteText(widget.getByRole('textbox', { name: 'PyTorch model' }), TORCHVISION_ALEXNET_PASTEABLE);
    await widget.getByRole('button', { name: 'Build stack from code' }).click();
    await expect(widget.getByText('Built 22 layers from the code, with the input (2, 3, 224, 224).')).toBeVisible();
    await expect(summary(widget)).toContainText('Output (2, 1000). 61,100,840 parameters');
    await expect(shapeOf(widget, 1)).toHaveText('(2, 64, 55, 55)');
    await expect(widget.getByText(/\(224 \+ 2 × 2 − 11\) \/ 4 = 54\.25 is rounded down/)).toBeVisible();
    await expect(widget.getByRole('textbox', { name: 'Height H' })).toHaveValue('224');
    await expect(widget.getByRole('textbox', { name: 'Batch N' })).toHaveValue('2');
  });

  test('broken code is pointed at by line and column and the stack is left as it was', async ({ page }) => {
    const widget = await openWidget(page);
    const box = widget.getByRole('textbox', { name: 'PyTorch model' });
    await pasteText(box, 'model = nn.Sequential(\n    nn.Conv2d(1, 6, 5)\n    nn.ReLU(),\n    nn.Linear(10, 2.5),\n)');
    await widget.getByRole('button', { name: 'Build stack from code' }).click();
    const problems = widget.locator('.import-box__problems');
    await expect(problems).toContainText('The stack was not changed: one problem in the code.');
    await expect(problems).toContainText('Line 3, column 5: expected “,” or “)” in the arguments of nn.Sequential(...), found “nn”');
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(summary(widget)).toContainText('61,706 parameters');
    await problems.getByRole('button', { name: 'Show' }).click();
    await expect(box).toBeFocused();
    expect(await box.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd])).toEqual([50, 52]);
    // The text the reader typed is kept; fixing it builds the stack.
    await pasteText(box, 'model = nn.Sequential(\n    nn.Conv2d(1, 6, 5),\n    nn.ReLU(),\n)');
    await widget.getByRole('button', { name: 'Build stack from code' }).click();
    await expect(summary(widget)).toContainText('Output (1, 6, 28, 28). 156 parameters');
  });

  test('ceil_mode rounds a pooling layer up, by keyboard, and the engine agrees', async ({ page }) => {
    const widget = await openWidget(page);
    for (const name of ['Height H', 'Width W']) await widget.getByRole('textbox', { name }).fill('31');
    await expect(shapeOf(widget, 3)).toHaveText('(1, 6, 13, 13)');
    await widget.getByRole('button', { name: 'AvgPool2d(2)' }).first().click();
    await widget.getByRole('checkbox', { name: /ceil_mode/ }).focus();
    await page.keyboard.press('Space');
    await expect(row(widget, 3).getByRole('button')).toHaveText('AvgPool2d(2, ceil_mode=True)');
    await expect(shapeOf(widget, 3)).toHaveText('(1, 6, 14, 14)');
    await expect(widget.getByText(/\(27 \+ 2 × 0 − 2\) \/ 2 = 12\.5 is rounded up \(ceil_mode=True\), so 14 positions fit/)).toBeVisible();
    await expect(verdict(widget)).toContainText('produced the same shapes and parameter counts', { timeout: 40_000 });
  });

  test('an invalid layer shows its message while the rest of the table and the page keep working', async ({ page }) => {
    const widget = await openWidget(page);
    await widget.getByRole('button', { name: 'AlexNet (one GPU)' }).click();
    await expect(summary(widget)).toContainText('62,378,344 parameters');
    for (const name of ['Height H', 'Width W']) await widget.getByRole('textbox', { name }).fill('224');
    const error = widget.locator('.layer-table__error');
    await expect(error).toHaveText('Error: Linear expects in_features = 6400 (256 × 5 × 5), got 9216. Once fixed, it gives (1, 4096).');
    await expect(widget.locator('.layer-table__pytorch')).toHaveText('PyTorch 1.13 says: mat1 and mat2 shapes cannot be multiplied (1x6400 and 9216x4096)');
    await expect(summary(widget)).toContainText('Layer 16 cannot take its input');
    // Later rows are computed as if the error were fixed, and marked so.
    await expect(shapeOf(widget, 21)).toHaveText('(1, 1000)† (if the error above is fixed)');
    await expect(verdict(widget)).toContainText('It failed where the table reports an error (layer 16).', { timeout: 40_000 });
    // The page keeps working: the batch still changes every row.
    await widget.getByRole('textbox', { name: 'Batch N' }).fill('8');
    await expect(shapeOf(widget, 1)).toHaveText('(8, 96, 54, 54)');
    // A value that is not an argument at all is refused at the field, keeping the last good one.
    await widget.getByRole('button', { name: 'Conv2d(3, 96, 11, stride=4)' }).click();
    const kernel = widget.getByRole('textbox', { name: /kernel_size/ });
    await kernel.fill('(11, 11, 3)');
    await expect(widget.getByText('kernel_size must be an int or a pair (height, width), got a tuple of 3; still using 11.')).toBeVisible();
    await expect(kernel).toHaveAttribute('aria-invalid', 'true');
    await kernel.fill('300');
    await expect(widget.locator('.layer-table__error').first()).toHaveText(
      'Error: Conv2d: the window does not fit in the input’s height: the kernel covers 300 but the padded input is only 224 (224 + 2 × 0), so no output row fits (the formula gives −18).',
    );
  });

  test('the link keeps the stack, the input and the batch, and Reset clears them', async ({ page }) => {
    const widget = await openWidget(page, '?layers=conv-3-8-3--1_relu_flat_fc-8192-10&input=3x32x32&batch=4');
    await expect(widget.getByRole('button', { name: 'Conv2d(3, 8, 3, padding=1)' })).toBeVisible();
    await expect(shapeOf(widget, 3)).toHaveText('(4, 8192)');
    await expect(summary(widget)).toContainText('Output (4, 10). 82,154 parameters');
    await widget.getByRole('textbox', { name: 'Batch N' }).fill('16');
    await expect(page).toHaveURL(/batch=16/);
    await page.reload();
    await widget.scrollIntoViewIfNeeded();
    await expect(widget.locator('astro-island')).not.toHaveAttribute('ssr');
    await expect(shapeOf(widget, 3)).toHaveText('(16, 8192)');
    await expect(widget.getByRole('textbox', { name: 'Channels C' })).toHaveValue('3');
    await widget.getByRole('button', { name: 'Reset' }).click();
    await expect(summary(widget)).toContainText('61,706 parameters');
    await expect(page).not.toHaveURL(/layers=|batch=|input=/);
  });

  test('a link that cannot be read falls back with a notice that says why', async ({ page }) => {
    const widget = await openWidget(page, '?layers=conv-3_relu&batch=0');
    const notice = widget.getByRole('status').filter({ hasText: 'Ignored' });
    await expect(notice).toContainText('Ignored “layers=conv-3_relu” from the link: layer 1 (“conv-3”): Conv2d needs out_channels. Using LeNet-5 instead.');
    await expect(notice).toContainText('Ignored “batch=0” from the link: expected a whole number from 1 to 4096. Using 1.');
    await expect(summary(widget)).toContainText('61,706 parameters');
  });

  test('Copy as PyTorch gives code that the import box reads back to the same stack', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const widget = await openWidget(page);
    await widget.getByRole('button', { name: 'VGG16' }).click();
    await expect(summary(widget)).toContainText('138,357,544 parameters');
    await widget.getByRole('button', { name: 'Copy as PyTorch' }).click();
    await expect(widget.getByText('PyTorch code copied.')).toBeVisible();
    const code = await page.evaluate(() => navigator.clipboard.readText());
    expect(code).toContain('    nn.Conv2d(3, 64, 3, padding=1),\n    nn.ReLU(inplace=True),');
    expect(code).toContain('model.eval()');
    expect(code).toContain('with torch.no_grad():\n    print(model(x).shape)  # torch.Size([1, 1000])');
    await widget.getByRole('button', { name: 'LeNet-5' }).click();
    await pasteText(widget.getByRole('textbox', { name: 'PyTorch model' }), code);
    await widget.getByRole('button', { name: 'Build stack from code' }).click();
    await expect(widget.getByRole('button', { name: 'VGG16' })).toHaveAttribute('aria-pressed', 'true');
    await expect(summary(widget)).toContainText('138,357,544 parameters');
  });
});

test.describe('layer-stack calculator with pasted models', () => {
  test('what print(model) prints builds the network: torchvision’s AlexNet, with the Flatten its forward() does', async ({ page }) => {
    const widget = await openWidget(page);
    await pasteText(widget.getByRole('textbox', { name: 'PyTorch model' }), readFixture('alexnet.txt'));
    await widget.getByRole('button', { name: 'Build stack from code' }).click();
    await expect(widget.getByText('Built 22 layers from the code.')).toBeVisible();
    await expect(widget.getByText(/^Inserted nn\.Flatten\(\) before classifier/)).toBeVisible();
    for (const name of ['Height H', 'Width W']) await widget.getByRole('textbox', { name }).fill('224');
    await expect(summary(widget)).toContainText('Output (1, 1000). 61,100,840 parameters');
    await expect(widget.getByRole('button', { name: 'AlexNet (torchvision)' })).toHaveAttribute('aria-pressed', 'true');
  });

  test('a printed ResNet builds up to its first residual block, and says why it stops there', async ({ page }) => {
    const widget = await openWidget(page);
    const box = widget.getByRole('textbox', { name: 'PyTorch model' });
    await pasteText(box, readFixture('resnet18.txt'));
    await widget.getByRole('button', { name: 'Build stack from code' }).click();
    const built = widget.locator('.import-box__built');
    await expect(built).toContainText('Built 4 layers from the code, up to where it cannot be followed:');
    await expect(built).toContainText('Line 7, column 10: layer1.0 is a BasicBlock, a module with its own forward()');
    await expect(built).toContainText('The code sets no input, so the input’s channels were set to 3, what its first layer takes; the height and width stay 32 × 32.');
    await built.getByRole('button', { name: 'Show' }).click();
    await expect(box).toBeFocused();
    for (const name of ['Height H', 'Width W']) await widget.getByRole('textbox', { name }).fill('224');
    await expect(shapeOf(widget, 4)).toHaveText('(1, 64, 56, 56)');
  });

  test('a paste longer than the importer reads is held aside, not laid out in the box, until the reader says', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const widget = await openWidget(page);
    const box = widget.getByRole('textbox', { name: 'PyTorch model' });
    await pasteFromClipboard(box, 'x('.repeat(500_000));
    const held = widget.getByRole('alert');
    await expect(held).toContainText('The pasted text is 1,000,000 characters long: more than the importer reads (up to 200,000 characters, its own limit)');
    await expect(box).toHaveValue('');
    await held.getByRole('button', { name: 'Discard it' }).click();
    await expect(held).toBeHidden();
    // A paste within the limit goes into the box as usual.
    await pasteFromClipboard(box, 'nn.Conv2d(3, 8, 3)');
    await expect(box).toHaveValue('nn.Conv2d(3, 8, 3)');
  });

  test('hostile pastes get a message, and the page keeps answering while the code is read', async ({ page }) => {
    const widget = await openWidget(page);
    const box = widget.getByRole('textbox', { name: 'PyTorch model' });
    const build = widget.getByRole('button', { name: 'Build stack from code' });
    const problems = widget.locator('.import-box__problems');

    // 10,000 layers: read in a worker; meanwhile a preset button works at once.
    await pasteText(box, Array.from({ length: 10_000 }, () => 'nn.ReLU()').join('\n'));
    await build.click();
    await widget.getByRole('button', { name: 'VGG16' }).click();
    await expect(widget.getByRole('button', { name: 'VGG16' })).toHaveAttribute('aria-pressed', 'true');
    await expect(problems).toContainText('this code has more than 200 layers (201 so far); the calculator takes at most 200');
    await expect(summary(widget)).toContainText('138,357,544 parameters');

    // Sequentials nested 5,000 deep, and a megabyte of junk.
    await pasteText(box, `${'nn.Sequential('.repeat(5_000)}nn.ReLU()${')'.repeat(5_000)}`);
    await build.click();
    await expect(problems).toContainText('brackets are nested more than 100 deep here; the importer follows at most 100 levels (its own limit)');
    await pasteText(box, 'x('.repeat(500_000));
    await build.click();
    await expect(problems).toContainText('the text is 1,000,000 characters long; the importer reads up to 200,000');
    // The page still answers: the batch field changes every row.
    await widget.getByRole('textbox', { name: 'Batch N' }).fill('4');
    await expect(shapeOf(widget, 1)).toHaveText('(4, 64, 224, 224)');
  });

  test('a stack of 200 layers draws its first rows, shows the rest on request, and refuses a 201st', async ({ page }) => {
    const widget = await openWidget(page);
    await pasteText(widget.getByRole('textbox', { name: 'PyTorch model' }), Array.from({ length: 200 }, () => 'nn.ReLU()').join('\n'));
    await widget.getByRole('button', { name: 'Build stack from code' }).click();
    await expect(widget.getByText('Built 200 layers from the code.')).toBeVisible();
    await expect(widget.locator('tbody tr.layer-table__row')).toHaveCount(40);
    await widget.getByRole('button', { name: 'Show the other 160 layers (41 to 200)' }).click();
    await expect(widget.locator('tbody tr.layer-table__row')).toHaveCount(200);
    await expect(widget.getByRole('button', { name: 'Add layer at the end' })).toBeDisabled();
    await expect(widget.getByText('The stack has 200 layers: the calculator takes at most 200 layers, the most a link to it holds.')).toBeVisible();
  });
});

test.describe('layer-stack calculator on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('fits 375 px: the table scrolls inside its frame, and layers can be added and edited by touch', async ({ page }) => {
    const widget = await openWidget(page);
    await expectNoHorizontalScroll(page);
    const scroller = widget.getByRole('region', { name: 'Layer table' });
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    // The cue says so in words, and the region scrolls by keyboard.
    await expect(widget.getByText('The table is wider than this screen: swipe it sideways, or focus it and use the arrow keys, to see every column.')).toBeVisible();
    await scroller.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await widget.getByRole('combobox', { name: 'Layer type' }).selectOption('Softmax');
    await widget.getByRole('button', { name: 'Add layer at the end' }).tap();
    await expect(widget.getByRole('button', { name: 'Softmax(dim=-1)' })).toHaveAttribute('aria-expanded', 'true');
    await widget.getByRole('textbox', { name: /^dim/ }).fill('2');
    await expect(widget.locator('.layer-table__error')).toContainText('dim is out of range for a 2-D input (1, 10): use −2 to 1, got 2');
    await expectNoHorizontalScroll(page);
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`the widget has no axe violations once started, with an error, an open editor and import problems, ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    const widget = await openWidget(page, '?layers=conv-1-6-5_relu_max-2_flat_fc-100-10_relu_fc-10-2');
    await expect(verdict(widget)).toContainText('It failed where the table reports an error', { timeout: 20_000 });
    await widget.getByRole('button', { name: 'Conv2d(1, 6, 5)' }).click();
    await widget.getByRole('textbox', { name: /kernel_size/ }).fill('x');
    await widget.getByRole('textbox', { name: 'PyTorch model' }).fill('nn.Conv2d(3, 8, kernal_size=3)');
    await widget.getByRole('button', { name: 'Build stack from code' }).click();
    await expect(widget.locator('.import-box__problems')).toBeVisible();
    await expect(verdict(widget)).not.toHaveAttribute('aria-busy');
    await expectNoAxeViolations(page, '.cnn-sizes');
  });
}
