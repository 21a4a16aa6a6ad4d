import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from '@playwright/test';
import LZString from 'lz-string';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test } from './fixtures';

const LESSON = '/lessons/activation-functions/';
const DEFINE = 'Define an activation and its derivative';
const CHECK = 'Check the derivative against autograd';
// Generous waits: the kernel starts in a worker on a shared 2-core machine. Nothing here asserts a duration by the test's clock.
const SLOW = { timeout: 30_000 };

// Each test loads the lesson and starts a kernel, some several times: on a loaded 2-core machine
// that can pass the default 60 s (no assertion here is about speed), so every test gets 3x as long.
test.beforeEach(() => test.slow());

/** A cell of the lesson, once its island has started and its editor has loaded. */
async function openCell(page: Page, label: string): Promise<Locator> {
  const cell = page.getByRole('region', { name: `Code cell: ${label}` });
  await cell.scrollIntoViewIfNeeded();
  await expect(cell.getByRole('button', { name: 'Run', exact: true })).toBeEnabled(SLOW);
  await expect(editor(cell)).toBeVisible(SLOW);
  return cell;
}

const editor = (cell: Locator): Locator => cell.getByRole('textbox', { name: /^Code of cell/ });
const output = (cell: Locator): Locator => cell.getByRole('log', { name: /^Output of cell/ });
const status = (cell: Locator): Locator => cell.locator('.code-cell__status');

/** Replaces the cell's code, as a reader typing it would. */
async function setCode(page: Page, cell: Locator, code: string): Promise<void> {
  await editor(cell).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(code);
}

/** Runs the cell in place (Ctrl+Enter) and waits until it has finished. */
async function runInPlace(page: Page, cell: Locator): Promise<void> {
  await editor(cell).click();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(status(cell)).toHaveText(/^(Ran in|Error|Stopped|Not run|Kernel stopped)/, SLOW);
}

/** Opens the lesson and runs its two cells with their Run buttons, in order. */
async function runLessonCells(page: Page): Promise<{ define: Locator; check: Locator }> {
  await page.goto(LESSON);
  const define = await openCell(page, DEFINE);
  const check = await openCell(page, CHECK);
  await define.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status(define)).toHaveText(/^Ran in/, SLOW);
  await check.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status(check)).toHaveText(/^Ran in/, SLOW);
  return { define, check };
}

test.describe('notebook code cells', () => {
  test('run the lesson cells: they share one scope, count their runs and show the plot', async ({ page }) => {
    const { define, check } = await runLessonCells(page);
    await expect(define.locator('.code-cell__count')).toHaveText('[1]');
    await expect(check.locator('.code-cell__count')).toHaveText('[2]');
    // The lesson's claim: the derivative by hand and autograd's differ by float32 rounding only.
    const printed = await output(check).locator('.nb-out__stream').innerText();
    const gap = Number(/largest difference: (\S+)/.exec(printed)?.[1]);
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(1e-6);
    const chart = output(check).getByRole('slider', { name: /^Your activation and its derivative/ });
    await expect(chart).toBeVisible();
    await expect(output(check)).toContainText("Line chart \"Your activation and its derivative\". f(z): 41 points, x from −5 to 5");
    // The chart's data, as a table.
    await output(check).getByText('Data', { exact: true }).click();
    await expect(output(check).getByRole('table').first()).toContainText('f(z)');
  });

  test('Shift+Enter runs a cell and moves to the next; Ctrl+Enter runs in place', async ({ page }) => {
    await page.goto(LESSON);
    const define = await openCell(page, DEFINE);
    const check = await openCell(page, CHECK);
    await editor(define).click();
    await page.keyboard.press('Shift+Enter');
    await expect(editor(check)).toBeFocused();
    await expect(status(define)).toHaveText(/^Ran in/, SLOW);
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(status(check)).toHaveText(/^Ran in/, SLOW);
    await expect(editor(check)).toBeFocused();
    await expect(output(check)).toContainText('largest difference');
  });

  test("an error names the cell's line, in the engine's PyTorch wording, and the editor marks the line", async ({ page }) => {
    await page.goto(LESSON);
    const check = await openCell(page, CHECK);
    await setCode(page, check, 'const a = tensor([1, 2]);\nconst b = tensor([[1, 2, 3]]);\nconst c = a.matmul(b);\nconsole.log("not reached");');
    await runInPlace(page, check);
    await expect(status(check)).toHaveText('Error on line 3');
    await expect(output(check)).toContainText('RangeError on line 3: matmul: mat1 and mat2 shapes cannot be multiplied (1x2 and 1x3)');
    await expect(output(check)).not.toContainText('not reached');
    await expect(check.locator('.cm-lintRange-error')).toHaveCount(1);
    // A syntax error, with its column, before anything runs.
    await setCode(page, check, 'console.log("first");\nconst x = (1 + ;');
    await runInPlace(page, check);
    await expect(output(check)).toContainText('SyntaxError on line 2, column 16: Unexpected token');
    await expect(output(check)).not.toContainText('first');
  });

  test('long output is cut with Show all, and a tensor prints as PyTorch prints it', async ({ page }) => {
    await page.goto(LESSON);
    const check = await openCell(page, CHECK);
    await setCode(page, check, 'for (let i = 0; i < 100; i++) console.log(`line ${i}`);\ntensor([[1, 2.5], [-3, 4]], { requiresGrad: true }).mul(2)');
    await runInPlace(page, check);
    const stream = output(check).locator('.nb-out__stream');
    await expect(stream).toContainText('line 39');
    await expect(stream).not.toContainText('line 40');
    await output(check).getByRole('button', { name: 'Show all (100 lines)' }).click();
    await expect(stream).toContainText('line 99');
    await expect(output(check).locator('.nb-out__value')).toContainText('tensor([[ 2.,  5.],\n        [-6.,  8.]], grad_fn=<MulBackward0>)');
  });

  test('display() shows a table, and plot() of a matrix a heatmap with its summary', async ({ page }) => {
    await page.goto(LESSON);
    const check = await openCell(page, CHECK);
    await setCode(page, check, "display([{ fn: 'relu', slope: 1 }, { fn: 'tanh', slope: 0.42 }], { title: 'Slopes at 0.5' });\nplot(arange(12).reshape([3, 4]), { title: 'Grid' });");
    await runInPlace(page, check);
    const table = output(check).getByRole('table', { name: 'Slopes at 0.5' });
    await expect(table.getByRole('columnheader', { name: 'slope' })).toBeVisible();
    await expect(table.getByRole('row', { name: /tanh 0\.42/ })).toBeVisible();
    await expect(output(check).getByRole('img', { name: 'Heatmap "Grid" of 3 × 4 values, values from 0 to 11.' })).toBeVisible();
  });

  test('Restart gives a fresh kernel: counts reset, outputs marked stale, variables gone', async ({ page }) => {
    const { check } = await runLessonCells(page);
    await check.getByRole('button', { name: 'Restart' }).click();
    await expect(status(check)).toHaveText('Kernel restarted: this output is from before');
    await expect(check.locator('.code-cell__count')).toHaveText('[ ]');
    await expect(output(check)).toContainText('largest difference'); // kept, but marked
    await check.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(status(check)).toHaveText('Error on line 2', SLOW);
    await expect(output(check)).toContainText('ReferenceError on line 2: myActivation is not defined');
    await expect(check.locator('.code-cell__count')).toHaveText('[1]');
    // Run all: every cell of the page, top to bottom.
    await check.getByRole('button', { name: 'Run all' }).click();
    const define = page.getByRole('region', { name: `Code cell: ${DEFINE}` });
    await expect(status(check)).toHaveText(/^Ran in/, SLOW);
    await expect(status(define)).toHaveText(/^Ran in/);
    await expect(define.locator('.code-cell__count')).toHaveText('[2]');
    await expect(check.locator('.code-cell__count')).toHaveText('[3]');
  });

  test('the editor and the kernel load only when needed: not on a page without cells, not before a cell is near', async ({ page, context }) => {
    const notebookCode = /\/(editor|_virtual_notebook-kernel-source|CodeCell)\.[\w-]+\.js$/;
    // A page without cells, the home page (its own tab, so that leaving it aborts nothing on the page under test).
    const other = await context.newPage();
    const otherLoaded: string[] = [];
    other.on('request', (r) => otherLoaded.push(new URL(r.url()).pathname));
    await other.goto('/');
    await other.waitForLoadState('networkidle');
    expect(otherLoaded.filter((p) => notebookCode.test(p))).toEqual([]);
    await other.close();

    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
    await page.goto(LESSON);
    await page.waitForLoadState('networkidle');
    expect(loaded.some((p) => /\/editor\./.test(p)), 'editor before the cells are near').toBe(false);
    expect(loaded.some((p) => /_virtual_notebook-kernel-source/.test(p)), 'kernel before the cells are near').toBe(false);
    // Near a cell, the kernel starts in the background (when the browser is idle), before any Run.
    const cell = await openCell(page, DEFINE);
    await expect.poll(() => loaded.some((p) => /_virtual_notebook-kernel-source/.test(p)), SLOW).toBe(true);
    await cell.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(status(cell)).toHaveText(/^Ran in/, SLOW);
  });

  test('while an infinite loop runs the page answers, and Stop stops it', async ({ page }) => {
    await page.goto(LESSON);
    const define = await openCell(page, DEFINE);
    const check = await openCell(page, CHECK);
    await check.getByRole('combobox', { name: 'Time limit' }).selectOption('30');
    await setCode(page, check, 'let spins = 0;\nwhile (true) { spins++; }');
    await editor(check).click();
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(status(check)).toHaveText('Running…', SLOW);
    // Meanwhile the page answers: another cell's editor takes typing, and another control works.
    await editor(define).click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText('\n// typed while the loop ran');
    await expect(editor(define)).toContainText('// typed while the loop ran');
    await define.getByRole('combobox', { name: 'Time limit' }).selectOption('5');
    await expect(define.getByRole('combobox', { name: 'Time limit' })).toHaveValue('5');
    await expect(status(check)).toHaveText('Running…');
    await define.getByRole('button', { name: 'Stop' }).click();
    await expect(output(check)).toContainText('Stopped: the kernel was restarted; variables from earlier cells are gone.');
    await expect(status(check)).toHaveText('Stopped');
    // The fresh kernel runs the next cell.
    await define.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(status(define)).toHaveText(/^Ran in/, SLOW);
  });

  test('an infinite loop is stopped at its time limit (2 s) and the kernel restarted', async ({ page }) => {
    await page.goto(LESSON);
    const check = await openCell(page, CHECK);
    await check.getByRole('combobox', { name: 'Time limit' }).selectOption('2');
    await setCode(page, check, 'console.log("before the loop");\nwhile (true) {}');
    await runInPlace(page, check);
    await expect(status(check)).toHaveText(/^Stopped after \d+\.\d s$/);
    // Not before the limit. (How soon after it is a timing, measured by bench/notebook-cells.mjs:
    // on a loaded machine the page's timer can fire late, so a test must not assert it.)
    const seconds = Number(/after (\S+) s/.exec((await status(check).textContent()) ?? '')?.[1]);
    expect(seconds).toBeGreaterThanOrEqual(2);
    await expect(output(check)).toContainText('before the loop');
    await expect(output(check)).toContainText('Stopped after 2 s: the kernel was restarted; variables from earlier cells are gone.');
    await setCode(page, check, '1 + 1');
    await runInPlace(page, check);
    await expect(output(check).locator('.nb-out__value')).toContainText('2');
  });
});

const PAGE_KEY = 'lessons/activation-functions';

/** The reader's saved edit of a cell, read from the page's own IndexedDB (undefined if none). */
async function savedEdit(page: Page, cellId: string): Promise<string | undefined> {
  return page.evaluate(
    (key) =>
      new Promise<string | undefined>((resolve, reject) => {
        const open = indexedDB.open('neural-notebook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('cell-edits')) return resolve(undefined);
          const get = db.transaction('cell-edits').objectStore('cell-edits').get(key);
          get.onsuccess = () => resolve((get.result as { code?: string } | undefined)?.code);
          get.onerror = () => reject(get.error);
        };
      }),
    `${PAGE_KEY}#${cellId}`,
  );
}

const notes = (cell: Locator): Locator => cell.locator('.code-cell__notes');

test.describe('saving a cell', () => {
  test('edits are saved as they are typed and come back on reload; Reset asks first', async ({ page }) => {
    test.setTimeout(180_000); // two page loads and axe on a shared 2-core machine
    await page.goto(LESSON);
    let define = await openCell(page, DEFINE);
    await editor(define).click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\n// my own line');
    await expect(define.getByText(/^Edited \(saved in this browser\)$/)).toBeVisible();
    await expect.poll(() => savedEdit(page, 'define-activation'), SLOW).toContain('// my own line');

    await page.reload();
    define = await openCell(page, DEFINE);
    await expect(editor(define)).toContainText('// my own line');
    await expect(define.getByText(/^Edited \(saved in this browser\)$/)).toBeVisible();
    // The saved code is what runs.
    await define.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(status(define)).toHaveText(/^Ran in/, SLOW);

    // Reset asks first; Keep editing keeps the code.
    await define.getByRole('button', { name: 'Reset to starter code' }).click();
    const question = define.getByRole('group', { name: /Discard your edits to this cell/ });
    await expect(question.getByRole('button', { name: 'Discard my edits' })).toBeFocused();
    await expectNoAxeViolations(page, '.code-cell-block');
    await question.getByRole('button', { name: 'Keep editing' }).click();
    await expect(question).toBeHidden();
    await expect(editor(define)).toContainText('// my own line');
    expect(await savedEdit(page, 'define-activation')).toContain('// my own line');
    // Escape answers no, too.
    await define.getByRole('button', { name: 'Reset to starter code' }).click();
    await page.keyboard.press('Escape');
    await expect(question).toBeHidden();
    await expect(editor(define)).toContainText('// my own line');

    await define.getByRole('button', { name: 'Reset to starter code' }).click();
    await question.getByRole('button', { name: 'Discard my edits' }).click();
    await expect(editor(define)).not.toContainText('// my own line');
    await expect(editor(define)).toContainText('const beta = 1.5;');
    await expect(define.getByText(/^Edited \(saved in this browser\)$/)).toBeHidden();
    await expect.poll(() => savedEdit(page, 'define-activation'), SLOW).toBeUndefined();
    await page.reload();
    define = await openCell(page, DEFINE);
    await expect(editor(define)).not.toContainText('// my own line');
  });

  test('without storage the cell says its edits are not saved, and still works', async ({ page }) => {
    // As a private window may: the browser refuses to open the database.
    await page.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      };
    });
    await page.goto(LESSON);
    const check = await openCell(page, CHECK);
    await setCode(page, check, 'const unsaved = 6 * 7;\nunsaved');
    await expect(notes(check)).toContainText('Your edits are not saved: this browser does not let the site store data');
    await runInPlace(page, check);
    await expect(output(check).locator('.nb-out__value')).toHaveText(/Value: 42$/);
    await expectNoAxeViolations(page, '.code-cell-block');
  });
});

test.describe('sharing a cell', () => {
  test('Copy link carries the code in the fragment; opening it shows the code, keeps the reader’s own, and goes back', async ({ page, context }) => {
    test.setTimeout(180_000); // two page loads and axe on a shared 2-core machine
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(LESSON);
    const check = await openCell(page, CHECK);
    const sharedCode = 'const shared = 6 * 7;\nshared';
    await setCode(page, check, sharedCode);
    await check.getByRole('button', { name: 'Copy link' }).click();
    await expect(notes(check)).toContainText('Link copied.');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const url = new URL(link);
    expect(url.pathname).toBe(LESSON);
    expect(url.search).toBe('');
    expect(url.hash).toMatch(/^#cell=check-derivative:[A-Za-z0-9+$-]+$/);
    expect(link).not.toContain('shared');

    // The reader's own code in that cell, saved.
    await setCode(page, check, 'const mine = 1;\nmine');
    await expect.poll(() => savedEdit(page, 'check-derivative'), SLOW).toBe('const mine = 1;\nmine');

    // The reader opens the link in a tab of their own, the only one (a background tab may not load its editor).
    await page.close();
    const reader = await context.newPage();
    await reader.bringToFront();
    await reader.goto(link);
    const opened = await openCell(reader, CHECK);
    await expect(editor(opened)).toContainText('const shared = 6 * 7;');
    await expect(notes(opened)).toContainText('Showing the code from the link. Your own code stays saved, and is kept aside if you edit this one.');
    await expect.poll(() => reader.evaluate(() => location.hash)).toBe('');
    // The link's code is not the reader's edit (yet): the cell says where it came from.
    await expect(opened.getByText(/^From a link \(not saved until you edit it\)$/)).toBeVisible();
    await expect(opened.getByText(/^Edited/)).toHaveCount(0);
    await runInPlace(reader, opened);
    await expect(output(opened).locator('.nb-out__value')).toHaveText(/Value: 42$/);
    // Not saved over the reader's code.
    expect(await savedEdit(reader, 'check-derivative')).toBe('const mine = 1;\nmine');
    await expectNoAxeViolations(reader, '.code-cell-block');
    // Editing the link's code saves it as theirs; their own code is kept aside, across a reload.
    await setCode(reader, opened, 'const shared = 6 * 7;\nshared + 1');
    await expect.poll(() => savedEdit(reader, 'check-derivative'), SLOW).toBe('const shared = 6 * 7;\nshared + 1');
    await expect(opened.getByText(/^Edited \(saved in this browser\)$/)).toBeVisible();
    await reader.reload();
    const reopened = await openCell(reader, CHECK);
    await expect(editor(reopened)).toContainText('shared + 1');
    await expect(notes(reopened)).toContainText('Your own code from before you edited a shared link’s code is kept.');
    await reopened.getByRole('button', { name: 'Back to your code' }).click();
    await expect(editor(reopened)).toContainText('const mine = 1;');
    await expect(editor(reopened)).not.toContainText('shared');
    await expect.poll(() => savedEdit(reader, 'check-derivative'), SLOW).toBe('const mine = 1;\nmine');
    await reader.close();
  });

  test('a link cut short, altered, too long or for another cell says so and changes nothing', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`${LESSON}#cell=check-derivative:MYewdg@@@`);
    const check = await openCell(page, CHECK);
    await expect(notes(check)).toContainText('has characters a cell link never has');
    await expect(editor(check)).toContainText('const z = linspace(');
    // A whole link with its end cut off, as a chat program may do.
    const whole = LZString.compressToEncodedURIComponent('const cut = tensor([1, 2, 3]).mul(2);\nconsole.log(cut.sum().item());');
    await page.evaluate((hash) => (location.hash = hash), `#cell=check-derivative:${whole.slice(0, -6)}`);
    await expect(notes(check)).toContainText('could not be unpacked. It may have been cut short or changed when it was copied; nothing was changed.');
    await page.evaluate(() => (location.hash = `#cell=check-derivative:${'A'.repeat(9000)}`));
    await expect(notes(check)).toContainText("This link's code is too long: 9,000 characters, at most 8,000.");
    await page.evaluate((hash) => (location.hash = hash), `#cell=no-such-cell:${whole}`);
    const define = page.getByRole('region', { name: `Code cell: ${DEFINE}` });
    await expect(notes(define)).toContainText('not on this page');
    await expect(editor(check)).toContainText('const z = linspace(');
    expect(await savedEdit(page, 'check-derivative')).toBeUndefined();
    // The page still works: the cell runs (its lesson code needs the first cell's f).
    await page.getByRole('region', { name: `Code cell: ${DEFINE}` }).getByRole('button', { name: 'Run', exact: true }).click();
    await check.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(status(check)).toHaveText(/^Ran in/, SLOW);
  });
});

test.describe('completion', () => {
  test("the editor completes the engine's names and a Tensor's methods, with their docs", async ({ page }) => {
    await page.goto(LESSON);
    const define = await openCell(page, DEFINE);
    await editor(define).click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\nconst grid = linsp');
    const list = page.getByRole('listbox');
    await expect(list.getByRole('option', { name: /^linspace/ })).toBeVisible();
    await expect(page.locator('.cm-completionInfo')).toContainText('linspace');
    await page.keyboard.press('Enter');
    await expect(editor(define)).toContainText('const grid = linspace');
    await page.keyboard.type('(0, 1, 3);\ngrid.mat');
    await expect(list.getByRole('option', { name: /^matmul/ })).toBeVisible();
    await expect(page.locator('.cm-completionInfo')).toContainText('(other: Tensor) => Tensor');
    await page.keyboard.press('Escape');
    await expect(list).toBeHidden();
  });
});

test.describe('the sandbox', () => {
  let probe: Server;
  let hits: string[];
  let probeUrl: string;

  test.beforeAll(async () => {
    hits = [];
    probe = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'text/javascript', 'Access-Control-Allow-Origin': '*' }).end('self.escaped = true;');
    });
    await new Promise<void>((resolve) => probe.listen(0, 'localhost', resolve));
    probeUrl = `http://localhost:${(probe.address() as AddressInfo).port}`;
  });

  test.afterAll(() => new Promise<void>((resolve) => probe.close(() => resolve())));

  test('every escape fails with a clear error, and nothing on the page or the server changes', async ({ page, context, problems }) => {
    test.setTimeout(240_000);
    // The browser reports each blocked attempt (console messages, a failed request to the probe):
    // expected here. Whether anything got through is what `hits` below says.
    problems.allow(/Content Security Policy|Refused to|Failed to fetch|ERR_BLOCKED|net::ERR/);
    problems.allow(new RegExp(probeUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await page.goto(LESSON);
    await page.evaluate(() => {
      localStorage.setItem('nn-probe', 'kept');
      document.cookie = 'nn_probe=kept; path=/';
    });
    // A reader's saved edit, which no cell may read or change.
    const define = await openCell(page, DEFINE);
    await setCode(page, define, '// the reader’s own code');
    await expect.poll(() => savedEdit(page, 'define-activation'), SLOW).toBe('// the reader’s own code');
    const check = await openCell(page, CHECK);
    const before = await page.evaluate(async () => ({
      storage: JSON.stringify(Object.entries(localStorage).sort()),
      cookie: document.cookie,
      databases: JSON.stringify((await indexedDB.databases()).map((d) => d.name).sort()),
      title: document.title,
    }));
    const url = (path: string): string => `${probeUrl}/${path}`;
    const attempts: [code: string, expected: RegExp][] = [
      ["localStorage.setItem('pwned', '1');", /SandboxError.*localStorage is not available in a notebook cell: cells cannot store data/],
      ["indexedDB.open('pwned');", /SandboxError.*indexedDB is not available/],
      // The page's own database of saved edits, through the real IndexedDB the kernel hides: the opaque-origin sandbox refuses it.
      ["Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Object.getPrototypeOf(globalThis)), 'indexedDB')!.get!.call(globalThis).open('neural-notebook');", /SecurityError/],
      ["document.cookie = 'pwned=1';", /SandboxError.*document is not available in a notebook cell: cells run in a separate worker/],
      ["parent.document.title = 'pwned';", /SandboxError.*parent is not available/],
      ["top.location.href = 'about:blank';", /SandboxError.*top is not available/],
      [`window.open('${url('open')}');`, /SandboxError.*window is not available/],
      [`await fetch('${url('fetch')}');`, /SandboxError.*fetch is not available in a notebook cell: cells run in a sandbox with no network access/],
      [`const x = new XMLHttpRequest();\nx.open('GET', '${url('xhr')}');\nx.send();`, /SandboxError.*XMLHttpRequest is not available/],
      [`new WebSocket('${url('ws').replace('http', 'ws')}');`, /SandboxError.*WebSocket is not available/],
      [`importScripts('${url('importScripts.js')}');`, /SandboxError.*importScripts is not available/],
      [`await import('${url('import.js')}');`, /SyntaxError on line 1, column 7: import\(\) is not available in a notebook cell/],
      [`new Worker('${url('worker.js')}');`, /SandboxError.*Worker is not available/],
      // Around the names the kernel replaces: the real APIs, which the sandbox's policy blocks.
      [`await Object.getPrototypeOf(Object.getPrototypeOf(globalThis)).fetch.call(globalThis, '${url('real-fetch')}');`, /TypeError.*Failed to fetch/],
      [`await (0, eval)("import('${url('eval-import.js')}')");`, /TypeError.*(dynamically imported module|Failed to fetch)/],
      [`const real = Object.getPrototypeOf(Object.getPrototypeOf(globalThis)).importScripts;\nreal.call(globalThis, '${url('real-importScripts.js')}');`, /NetworkError|Failed to load|importScripts/],
    ];
    for (const [code, expected] of attempts) {
      await setCode(page, check, code);
      await runInPlace(page, check);
      await expect(status(check), code).toHaveText(/^Error/);
      await expect(output(check).locator('.nb-out__error'), code).toHaveText(expected);
    }
    const after = await page.evaluate(async () => ({
      storage: JSON.stringify(Object.entries(localStorage).sort()),
      cookie: document.cookie,
      databases: JSON.stringify((await indexedDB.databases()).map((d) => d.name).sort()),
      title: document.title,
    }));
    expect(after).toEqual(before);
    expect(await savedEdit(page, 'define-activation')).toBe('// the reader’s own code');
    expect(context.pages()).toHaveLength(1);
    expect(hits, 'requests the probe server received').toEqual([]);
  });
});

test.describe('at 375 px and in both themes', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`the cells are axe clean and fit the screen (${theme})`, async ({ page }) => {
      // The reader's system theme (the site follows it when no choice is stored).
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width: 375, height: 800 });
      const { define } = await runLessonCells(page);
      await setCode(page, define, "display([{ fn: 'relu', slope: 1 }], { title: 'Slopes' });\nconst oops = tensor([1]).matmul(tensor([[1, 2]]));");
      await runInPlace(page, define);
      await expect(output(define).getByRole('table', { name: 'Slopes' })).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expectNoAxeViolations(page, '.code-cell-block');
    });
  }
});
