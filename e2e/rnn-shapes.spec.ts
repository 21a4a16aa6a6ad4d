import type { Locator, Page } from '@playwright/test';
import { WIDGETS, expect, expectNoAxeViolations, expectNoHorizontalScroll, test, useTheme, pageSettled } from './fixtures';
import { pasteText } from './text-input';
import { exportAs, parseSvg, readPng } from './export-files';

const LESSON = '/lessons/rnn-shapes/';

/** The widget's frame, once its island has started and its first forward pass has finished. */
async function openWidget(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${LESSON}${query}`);
  const widget = page.getByRole('region', { name: 'RNN shapes' });
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.locator('astro-island')).not.toHaveAttribute('ssr');
  await expect(widget.locator('.rnn-widget')).not.toHaveAttribute('aria-busy');
  return widget;
}

/** The "Here (calculator; engine)" cell of a tensor's row in the shapes table. */
function here(widget: Locator, tensor: 'input' | 'h_0' | 'output' | 'h_n'): Locator {
  return widget
    .getByRole('table', { name: 'Shapes of the tensors in and out' })
    .getByRole('row', { name: new RegExp(`^${tensor}\\b`) })
    .getByRole('cell')
    .nth(1);
}

const parameters = (widget: Locator) => widget.getByRole('table', { name: /^Parameters:/ });
const verdict = (widget: Locator) => widget.locator('.rnn-verdict');

/** Replaces a text box's contents by typing, as a keyboard user does. */
async function typeInto(page: Page, box: Locator, text: string): Promise<void> {
  await box.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

test.describe('RNN shapes widget', () => {
  test("starts from PyTorch's documented example, and the engine agrees with the calculator", async ({ page }) => {
    const widget = await openWidget(page);
    await expect(here(widget, 'input')).toHaveText('(5, 3, 10)');
    await expect(here(widget, 'h_0')).toHaveText('(2, 3, 20)');
    await expect(here(widget, 'output')).toHaveText('(5, 3, 20)engine: (5, 3, 20)');
    await expect(here(widget, 'h_n')).toHaveText('(2, 3, 20)engine: (2, 3, 20)');
    await expect(verdict(widget)).toContainText('Engine and calculator agree');
    await expect(verdict(widget)).toContainText('the same 8 parameter tensors (1,480 numbers)');
    await expect(parameters(widget)).toHaveAccessibleName('Parameters: 8 tensors, 1,480 numbers');
    await expect(widget.getByText('output[-1] equals h_n[-1] on the engine\'s numbers exactly.')).toBeVisible();
  });

  test("the constructor's arguments work by keyboard", async ({ page }) => {
    const widget = await openWidget(page);
    await typeInto(page, widget.getByRole('textbox', { name: 'input_size' }), '7');
    await expect(parameters(widget).getByRole('row', { name: /^weight_ih_l0\b/ })).toContainText('(20, 7)');
    await typeInto(page, widget.getByRole('textbox', { name: 'hidden_size' }), '16');
    await expect(here(widget, 'h_n')).toContainText('(2, 3, 16)');

    const layers = widget.getByRole('slider', { name: 'num_layers' });
    await layers.focus();
    await page.keyboard.press('ArrowRight');
    await expect(layers).toHaveValue('3');
    await expect(here(widget, 'h_n')).toContainText('engine: (3, 3, 16)');

    const dropout = widget.getByRole('slider', { name: 'dropout' });
    await dropout.focus();
    await page.keyboard.press('ArrowRight');
    await expect(dropout).toHaveAttribute('aria-valuetext', '0.05');

    await widget.getByRole('radio', { name: "'tanh'" }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(widget.getByRole('radio', { name: "'relu'" })).toBeChecked();

    await widget.getByRole('checkbox', { name: 'bias' }).focus();
    await page.keyboard.press('Space');
    await expect(parameters(widget).getByRole('row', { name: /^bias_ih_l0/ })).toHaveCount(0);

    await widget.getByRole('checkbox', { name: 'bidirectional' }).focus();
    await page.keyboard.press('Space');
    await expect(here(widget, 'output')).toContainText('engine: (5, 3, 32)');
    await expect(here(widget, 'h_n')).toContainText('engine: (6, 3, 16)');

    await widget.getByRole('checkbox', { name: 'batch_first' }).focus();
    await page.keyboard.press('Space');
    await expect(here(widget, 'input')).toHaveText('(3, 5, 7)');
    await expect(here(widget, 'output')).toContainText('engine: (3, 5, 32)');
    await expect(here(widget, 'h_n')).toContainText('engine: (6, 3, 16)'); // batch_first leaves h_n alone
    await expect(verdict(widget)).toContainText('Engine and calculator agree');
    for (const param of ['input_size=7', 'hidden_size=16', 'num_layers=3', 'nonlinearity=relu', 'bias=false', 'batch_first=true', 'dropout=0.05', 'bidirectional=true']) {
      await expect(page).toHaveURL(new RegExp(`[?&]${param.replace('.', '\\.')}(&|$)`));
    }
  });

  test("the call's controls work by keyboard", async ({ page }) => {
    const widget = await openWidget(page);
    await typeInto(page, widget.getByRole('textbox', { name: 'seq_len L' }), '12');
    await typeInto(page, widget.getByRole('textbox', { name: 'batch N' }), '4');
    await expect(here(widget, 'output')).toContainText('engine: (12, 4, 20)');

    await widget.getByRole('checkbox', { name: 'unbatched' }).focus();
    await page.keyboard.press('Space');
    await expect(widget.getByRole('textbox', { name: 'batch N' })).toHaveCount(0);
    await expect(here(widget, 'input')).toHaveText('(12, 10)');
    await expect(here(widget, 'h_n')).toContainText('engine: (2, 20)');

    await typeInto(page, widget.getByRole('textbox', { name: 'input.size(-1)' }), '13');
    await expect(here(widget, 'input')).toHaveText('(12, 13)');
    await expect(widget.locator('.rnn-messages')).toHaveText('PyTorch raises RuntimeError: input.size(-1) must be equal to input_size. Expected 10, got 13');
    await widget.getByRole('button', { name: 'Match input_size' }).focus();
    await page.keyboard.press('Enter');
    await expect(here(widget, 'input')).toHaveText('(12, 10)');
    await expect(widget.locator('.rnn-messages')).toHaveText('');

    await widget.getByRole('radio', { name: 'the expected shape' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(widget.getByRole('radio', { name: 'omit (zeros)' })).toBeChecked();
    await expect(here(widget, 'h_0')).toHaveText('omitted: zeros (2, 20)');

    const numbers = widget.locator('.rnn-engine__facts li').last();
    const before = await numbers.textContent();
    await widget.getByRole('button', { name: 'New random input' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/seed=1/);
    await expect(numbers).toContainText('The first numbers of output (seed 1)');
    expect((await numbers.textContent())?.replace('seed 1', 'seed 0')).not.toBe(before);
  });

  test("a link with PyTorch's argument names sets the widget, and changes go back into the link", async ({ page }) => {
    const widget = await openWidget(page, '?input_size=10&hidden_size=20&num_layers=2&bidirectional=true&batch_first=false&seq_len=5&batch=3');
    await expect(widget.getByRole('checkbox', { name: 'bidirectional' })).toBeChecked();
    await expect(widget.getByRole('slider', { name: 'num_layers' })).toHaveValue('2');
    await expect(here(widget, 'output')).toHaveText('(5, 3, 40)engine: (5, 3, 40)');
    await expect(here(widget, 'h_n')).toHaveText('(4, 3, 20)engine: (4, 3, 20)');
    await expect(parameters(widget)).toHaveAccessibleName('Parameters: 16 tensors, 3,760 numbers');

    await widget.getByRole('radio', { name: "'relu'" }).check();
    await widget.getByRole('checkbox', { name: 'unbatched' }).check();
    await expect(page).toHaveURL(/nonlinearity=relu/);
    await expect(page).toHaveURL(/unbatched=true/);
    await expect(widget.locator('.rnn-widget')).not.toHaveAttribute('aria-busy');
    const again = await openWidget(page, new URL(page.url()).search); // a fresh visit to the link
    await expect(again.getByRole('radio', { name: "'relu'" })).toBeChecked();
    await expect(again.getByRole('checkbox', { name: 'unbatched' })).toBeChecked();
    await expect(here(again, 'output')).toHaveText('(5, 40)engine: (5, 40)');
  });

  test('bad values in the link fall back with a notice', async ({ page }) => {
    const widget = await openWidget(page, '?hidden_size=0&nonlinearity=gelu&h_0=2,x');
    const notice = widget.getByRole('status').filter({ hasText: 'Ignored' });
    await expect(notice).toContainText('Ignored “hidden_size=0” from the link: expected a whole number from 1 to 1000. Using 20.');
    await expect(notice).toContainText('Ignored “nonlinearity=gelu”');
    await expect(notice).toContainText('Ignored “h_0=2,x”');
    await expect(here(widget, 'h_n')).toHaveText('(2, 3, 20)engine: (2, 3, 20)');
  });

  test("an invalid call shows PyTorch's message and the page keeps working", async ({ page }) => {
    const widget = await openWidget(page);
    const messages = widget.locator('.rnn-messages');
    await widget.getByRole('button', { name: 'Wrong feature count' }).click();
    await expect(messages).toHaveText('PyTorch raises RuntimeError: input.size(-1) must be equal to input_size. Expected 10, got 7');
    await expect(here(widget, 'output')).toHaveText('raises RuntimeErrorengine: raised an error');
    await expect(verdict(widget)).toContainText("The engine refuses this call too, in PyTorch's words");
    await widget.getByRole('button', { name: 'Match input_size' }).click();
    await expect(messages).toHaveText('');
    await expect(here(widget, 'output')).toHaveText('(5, 3, 20)engine: (5, 3, 20)');

    await widget.getByRole('radio', { name: 'a shape of my own' }).check();
    const shape = widget.getByRole('textbox', { name: 'h_0 shape' });
    await typeInto(page, shape, '1, 3, 20');
    await expect(messages).toHaveText('PyTorch raises RuntimeError: Expected hidden size (2, 3, 20), got [1, 3, 20]');
    await typeInto(page, shape, '1, 3, 20x');
    await expect(widget.getByText('“20x” is not a number; still using (1, 3, 20).')).toBeVisible();
    await expect(shape).toHaveAttribute('aria-invalid', 'true');
    await expect(messages).toHaveText('PyTorch raises RuntimeError: Expected hidden size (2, 3, 20), got [1, 3, 20]');
    await page.keyboard.press('Tab'); // leaving the box keeps what the reader typed, and the message
    await expect(shape).toHaveValue('1, 3, 20x');
    await expect(widget.getByText('“20x” is not a number; still using (1, 3, 20).')).toBeVisible();
    await typeInto(page, shape, '1, 3, 20');

    await widget.getByRole('button', { name: 'batch_first applied to h_0' }).click();
    await expect(messages).toHaveText('PyTorch raises RuntimeError: Expected hidden size (2, 3, 20), got [3, 2, 20]');
    await widget.getByRole('button', { name: 'Dropout with one layer' }).click();
    await expect(messages).toContainText(
      'PyTorch warns UserWarning: dropout option adds dropout after all but last recurrent layer, so non-zero dropout expects num_layers greater than 1, but got dropout=0.5 and num_layers=1',
    );
    await widget.getByRole('button', { name: 'Reset' }).click();
    await expect(messages).toHaveText('');
    await expect(verdict(widget)).toContainText('Engine and calculator agree');
  });

  test('h_0 shape: huge numbers, 1e9, negatives, junk and a million-character paste are explained, and the widget keeps working', async ({ page }) => {
    const widget = await openWidget(page);
    await widget.getByRole('radio', { name: 'a shape of my own' }).check();
    const shape = widget.getByRole('textbox', { name: 'h_0 shape' });
    const messages = widget.locator('.rnn-messages');
    const cases: [string, string][] = [
      ['2, 3, 1e9', '1e9 = 1,000,000,000 is more than 1,000, the largest size here; still using (2, 3, 20).'],
      ['2, -3, 20', '−3 is negative: sizes are whole numbers from 1 to 1,000; still using (2, 3, 20).'],
      ['2, 3, 99999999999999999999999', '99999999999999999999999 is more than 1,000, the largest size here; still using (2, 3, 20).'],
      ['2, 3, twenty', '“twenty” is not a number; still using (2, 3, 20).'],
      ['2, 3, 2.5', '2.5 is not a whole number: sizes are whole numbers from 1 to 1,000; still using (2, 3, 20).'],
      ['1, 1, 1, 1, 1', '5 sizes: a shape here has 1 to 4; still using (2, 3, 20).'],
    ];
    for (const [typed, message] of cases) {
      await pasteText(shape, typed);
      await expect(widget.getByText(message)).toBeVisible();
      await expect(shape).toHaveValue(typed);
    }
    await pasteText(shape, '9, '.repeat(333_334));
    await expect(widget.getByText('The text is 1,000,002 characters long; a shape is at most 64, so none of it was read; still using (2, 3, 20).')).toBeVisible();
    expect(await shape.inputValue()).toHaveLength(1_000_002);
    // The widget still answers: the shapes table and PyTorch's verdict follow a good shape.
    await expect(here(widget, 'output')).toHaveText('(5, 3, 20)engine: (5, 3, 20)');
    await pasteText(shape, '(1, 3, 20)');
    await expect(shape).not.toHaveAttribute('aria-invalid');
    await expect(messages).toHaveText('PyTorch raises RuntimeError: Expected hidden size (2, 3, 20), got [1, 3, 20]');
  });

  test('keyboard focus on the diagram lights a cell and what it reads; the buttons light whole tensors', async ({ page }) => {
    const widget = await openWidget(page, '?bidirectional=true');
    const describe = widget.locator('.rnn-diagram__describe');
    await widget.getByRole('button', { name: 'h_n', exact: true }).focus();
    await expect(widget.locator('.rnn-cell--lit')).toHaveCount(4);
    await expect(describe).toContainText("h_n: each layer and direction's state after its last step; 4 states");
    await page.keyboard.press('Enter');
    await expect(widget.getByRole('button', { name: 'h_n', exact: true })).toHaveAttribute('aria-pressed', 'true');

    await page.keyboard.press('Tab'); // the diagram's Export control, between the legend and the drawing
    await expect(widget.getByRole('button', { name: /^Export Unrolled RNN:/ })).toBeFocused();
    await page.keyboard.press('Tab'); // into the diagram: its one tab stop, the top-left cell
    const first = widget.getByRole('button', { name: 'Layer 1 forward, t = 0, part of output' });
    await expect(first).toBeFocused();
    await expect(describe).toContainText('Layer 1, forward direction, time step t = 0');
    await expect(describe).toContainText('It becomes output[0, :, :20].');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    const reverseLast = widget.getByRole('button', { name: 'Layer 1 reverse, t = 4, part of output' });
    await expect(reverseLast).toBeFocused();
    await expect(reverseLast).toHaveClass(/rnn-cell--lit/);
    await expect(widget.locator('.rnn-cell--source')).toHaveCount(2); // layer 0 at t = 4, both directions
    await page.keyboard.press('Home');
    await expect(describe).toContainText('It becomes output[0, :, 20:] and h_n[3].');
    await expect(widget.locator('.rnn-cell--source')).toHaveCount(3); // t = 1 of its own row, and layer 0 at t = 0
    await page.keyboard.press('Tab');
    await expect(widget.locator('.rnn-cell--lit')).toHaveCount(4); // focus left: the pinned h_n again
    await expect(widget.getByRole('table', { name: 'Where each entry of h_n comes from' }).getByRole('row', { name: /^h_n\[3\]/ })).toHaveText(
      'h_n[3]1reverset = 0',
    );
  });

  test('a large forward pass waits for "Run it anyway", and one too large for a page is not run', async ({ page }) => {
    const widget = await openWidget(page, '?input_size=256&hidden_size=256&seq_len=20&batch=32');
    await expect(widget.getByText(/about 168 million multiply-adds, so it does not run by itself/)).toBeVisible();
    await expect(here(widget, 'output')).toHaveText('(20, 32, 256)engine: not run');
    await widget.getByRole('button', { name: 'Run it anyway' }).click();
    await expect(verdict(widget)).toContainText('Engine and calculator agree', { timeout: 30_000 });
    await expect(here(widget, 'output')).toHaveText('(20, 32, 256)engine: (20, 32, 256)');
    await typeInto(page, widget.getByRole('textbox', { name: 'hidden_size' }), '1000');
    await typeInto(page, widget.getByRole('textbox', { name: 'seq_len L' }), '100');
    await expect(widget.getByText(/too many for a web page/)).toBeVisible();
    await expect(widget.getByRole('button', { name: 'Run it anyway' })).toHaveCount(0);
    await expect(parameters(widget)).toHaveAccessibleName('Parameters: 8 tensors, 3,260,000 numbers');
  });

  test('Copy as PyTorch copies a script with the nn.RNN line and tensors of the right shapes', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const widget = await openWidget(page, '?num_layers=3&bidirectional=true&batch_first=true&h_0=omit&seed=4');
    await widget.getByRole('button', { name: 'Copy as PyTorch' }).click();
    await expect(widget.getByText('PyTorch code copied')).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(
      [
        'import torch',
        'from torch import nn',
        '',
        'torch.manual_seed(4)',
        'rnn = nn.RNN(10, 20, num_layers=3, batch_first=True, bidirectional=True)',
        'input = torch.randn(3, 5, 10)',
        'output, h_n = rnn(input)',
        'print(output.shape)  # torch.Size([3, 5, 40])',
        'print(h_n.shape)  # torch.Size([6, 3, 20])',
        '',
      ].join('\n'),
    );
    await expect(widget.locator('.rnn-code')).toHaveText(copied);
  });
});

test.describe('RNN shapes lesson', () => {
  test('the widget, with the unrolled diagram as its first output, comes right after the recurrence, before the shapes are explained', async ({ page }) => {
    const widget = await openWidget(page);
    const top = async (locator: Locator): Promise<number> => (await locator.boundingBox())?.y ?? NaN;
    const recurrence = await top(page.getByRole('heading', { name: 'The recurrence', level: 2 }));
    const shapes = await top(page.getByRole('heading', { name: 'The shapes, as PyTorch documents them', level: 2 }));
    const widgetTop = await top(widget);
    expect(recurrence).toBeLessThan(widgetTop);
    expect(widgetTop).toBeLessThan(shapes);
    const diagram = await top(widget.getByRole('group', { name: /^Unrolled RNN:/ }));
    expect(diagram).toBeLessThan(await top(widget.getByRole('table', { name: 'Shapes of the tensors in and out' })));
    expect(diagram).toBeLessThan(await top(parameters(widget)));
    // The diagram exports as a picture (no data to tabulate), its cells' words drawn as text.
    const drawing = widget.locator('.rnn-diagram');
    const name = (await drawing.getByRole('button', { name: /^Export Unrolled RNN:/ }).getAttribute('aria-label')) ?? '';
    const svg = await exportAs(page, drawing, name, 'SVG');
    expect(svg.name).toMatch(/unrolled-rnn\.svg$/);
    const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
    expect(parsed).toMatchObject({ error: false, root: 'svg', title: name.replace(/^Export /, '') });
    expect(parsed.texts.length).toBeGreaterThan(5);
    const png = readPng((await exportAs(page, drawing, name, 'PNG')).bytes);
    expect([png.width, png.height]).toEqual([2 * parsed.width, 2 * parsed.height]);
  });

  test('question 5: the 4-D h_0 of the notes shows PyTorch’s message, and the engine refuses it too', async ({ page }) => {
    const widget = await openWidget(page);
    await widget.getByRole('radio', { name: 'a shape of my own' }).check();
    await typeInto(page, widget.getByRole('textbox', { name: 'h_0 shape' }), '2, 1, 3, 20');
    await expect(widget.locator('.rnn-messages')).toHaveText('PyTorch raises RuntimeError: For batched 3-D input, hx should also be 3-D but got 4-D tensor');
    await expect(verdict(widget)).toContainText("The engine refuses this call too, in PyTorch's words");
    await expect(page).toHaveURL(/h_0=2(%2C|,)1(%2C|,)3(%2C|,)20/);
  });

  test('question 6: with bidirectional and batch_first, the engine equates h_n[-1] with output[:, 0, 20:], and h_n.view separates layers and directions', async ({ page }) => {
    const widget = await openWidget(page, '?bidirectional=true&batch_first=true');
    const facts = widget.locator('.rnn-engine__facts');
    await expect(facts).toContainText('output[:, 0, 20:] equals h_n[-1] on the engine\'s numbers exactly.');
    await expect(facts).toContainText('h_n.view(2, 2, 3, 20)[-1, 0] equals output[:, -1, :20] on the engine\'s numbers exactly.');
    const row = widget.getByRole('table', { name: 'Where each entry of h_n comes from' }).getByRole('row', { name: /^h_n\[1\]/ });
    await expect(row.getByRole('cell')).toHaveText(['0', 'reverse', 't = 0']);
  });
});

test.describe('RNN shapes on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('the PyTorch code, wider than a phone, is a named region that shows and scrolls its hidden columns', async ({ page }) => {
    const widget = await openWidget(page);
    const code = widget.getByRole('region', { name: 'PyTorch code for this setting' });
    expect(await code.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await code.evaluate((el) => getComputedStyle(el).backgroundImage)).toContain('radial-gradient');
    await code.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => code.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await expectNoHorizontalScroll(page);
  });

  test('fits 375 px, and tapping a cell describes it', async ({ page }) => {
    const widget = await openWidget(page, '?bidirectional=true&num_layers=3&seq_len=20');
    await expectNoHorizontalScroll(page);
    const cell = widget.getByRole('button', { name: 'Layer 0 reverse, t = 0, is h_n[1]' });
    await cell.tap();
    await expect(widget.locator('.rnn-diagram__describe')).toContainText('Layer 0, reverse direction, time step t = 0');
    await expect(widget.locator('.rnn-gap')).toHaveCount(1);
    await expectNoHorizontalScroll(page);
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`the widget, started, has no axe violations, ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    const widget = await openWidget(page, '?bidirectional=true&dropout=0.5&num_layers=1&input_features=7&h_0=1,3,20');
    await expect(verdict(widget)).toBeVisible();
    await widget.getByRole('button', { name: 'output', exact: true }).click();
    await pageSettled(page);
    await expectNoAxeViolations(page, WIDGETS); // the prose: site.spec.ts
  });
}
