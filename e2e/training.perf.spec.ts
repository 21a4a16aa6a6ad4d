import { expect, test } from './fixtures';
import { openTraining, run, stepOf } from './training';

// Runs in the "responsiveness" project, alone, after every other spec (see playwright.config.ts):
// it measures the main thread, so it must not share the CPU with other browsers.

for (const [path, title] of [
  ['/lessons/vanishing-gradients/', 'Vanishing gradients'],
  ['/lessons/exploding-gradients/', 'Exploding gradients'],
] as const) {
  test(`${title}: no main-thread task over 50 ms during 5 s of training`, async ({ page }) => {
    const widget = await openTraining(page, path, title);
    // Measure training, not page load: let fonts and the rest of the page settle first, and both
    // runs finish setting up (their first snapshot drawn: the loss readout is no longer "…").
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    for (const name of ['A', 'B'] as const) await expect(run(widget, name).getByTestId('loss')).not.toHaveText('…', { timeout: 15_000 });
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(Math.round(entry.duration));
      }).observe({ type: 'longtask' });
    });
    await widget.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForTimeout(5_000);
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    const steps = await stepOf(widget, 'B');
    await widget.getByRole('button', { name: 'Pause', exact: true }).click();
    test.info().annotations.push({ type: 'training', description: `${steps} steps in 5 s; long tasks: ${longTasks.join(', ') || 'none'}` });
    expect(await run(widget, 'B').getByTestId('step').textContent()).not.toBe('0');
    expect(longTasks, 'main-thread tasks longer than 50 ms while training').toEqual([]);
  });
}
