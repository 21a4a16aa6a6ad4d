import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Opens a lesson and waits until its (first) training widget has started and shown step 0. */
export async function openTraining(page: Page, path: string, title: string): Promise<Locator> {
  await page.goto(path);
  const widget = page.getByRole('region', { name: title, exact: true });
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.locator('astro-island')).not.toHaveAttribute('ssr', { timeout: 15_000 });
  await expect(run(widget, 'A').getByTestId('step')).toHaveText('0', { timeout: 15_000 });
  return widget;
}

/** One run's panel: 'A' or 'B'. */
export function run(widget: Locator, name: 'A' | 'B'): Locator {
  return widget.getByRole('region', { name: new RegExp(`^Run ${name}\\b`) });
}

/** The step a run shows. */
export async function stepOf(widget: Locator, name: 'A' | 'B'): Promise<number> {
  return Number(await run(widget, name).getByTestId('step').textContent());
}

/**
 * Plays until both runs reach at least `step`, then pauses and waits until both have come to rest
 * at the same step (they are kept in step: after Pause each finishes the updates already asked of
 * it). Returns that step.
 */
export async function playUntil(widget: Locator, step: number): Promise<number> {
  await widget.getByRole('button', { name: 'Play', exact: true }).click();
  await expect
    .poll(async () => Math.min(await stepOf(widget, 'A'), await stepOf(widget, 'B')), { timeout: 45_000 })
    .toBeGreaterThanOrEqual(step);
  await widget.getByRole('button', { name: 'Pause', exact: true }).click();
  return expectLevel(widget);
}

/**
 * Waits until the widget is at rest (not playing, and each run shows every step asked of it: the
 * widget's `data-resting`), then checks that runs A and B show the same step; returns it.
 */
export async function expectLevel(widget: Locator): Promise<number> {
  await expect(widget.locator('.training-widget')).toHaveAttribute('data-resting', 'true', { timeout: 30_000 });
  const a = await stepOf(widget, 'A');
  expect(await stepOf(widget, 'B'), 'run B rests at the step of run A').toBe(a);
  return a;
}

/** The loss chart's readout at `step` (evaluations every 25 steps), read by keyboard as a reader would. */
export async function lossReadoutAt(page: Page, widget: Locator, name: 'A' | 'B', step: number): Promise<string> {
  const chart = run(widget, name).getByRole('slider', { name: /^Loss:/ });
  await chart.focus();
  await page.keyboard.press('Home');
  for (let s = 0; s < step; s += 25) await page.keyboard.press('ArrowRight');
  const text = (await chart.getAttribute('aria-valuetext')) ?? '';
  expect(text).toMatch(new RegExp(`^Step ${step}:`));
  return text;
}

/**
 * At each viewport width, side by side, the top of each of run A's charts is level with the same
 * chart of run B (within a pixel), however different the settings above them. Both runs are
 * measured in one go, after both have drawn their first snapshot, so nothing moves in between.
 */
export async function expectChartsAligned(page: Page, widget: Locator, widths: number[]): Promise<void> {
  for (const name of ['A', 'B'] as const) await expect(run(widget, name).getByTestId('loss')).not.toHaveText('…', { timeout: 30_000 });
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await expect(widget.locator('.training-widget__runs--row')).toHaveCount(1);
    const tops = await widget.evaluate((el) =>
      ['A', 'B'].map((name) => {
        const panel = [...el.querySelectorAll('section')].find((s) => s.getAttribute('aria-label')?.startsWith(`Run ${name}`));
        const charts = [...(panel?.querySelectorAll('[role="slider"][aria-label*="step through"]') ?? [])];
        return Object.fromEntries(charts.map((c) => [c.getAttribute('aria-label')?.split(':')[0], c.getBoundingClientRect().top]));
      }),
    );
    const [a = {}, b = {}]: Record<string, number>[] = tops;
    expect(Object.keys(a).length, `charts in run A at ${width} px`).toBeGreaterThan(1);
    expect(Object.keys(b), `the same charts in run B at ${width} px`).toEqual(Object.keys(a));
    for (const [title, top] of Object.entries(a)) {
      expect(Math.abs((top ?? NaN) - (b[title] ?? NaN)), `${title} at ${width} px: run A's top ${top}, run B's ${b[title]}`).toBeLessThanOrEqual(1);
    }
  }
}

/** Clicks "Copy run A/B as PyTorch", waits for the confirmation and returns the script from the clipboard (grant clipboard-read and clipboard-write first). */
export async function copyPyTorch(page: Page, widget: Locator, name: 'A' | 'B'): Promise<string> {
  await widget.getByRole('button', { name: `Copy run ${name} as PyTorch` }).click();
  await expect(widget.getByRole('status').filter({ hasText: `PyTorch script of run ${name} copied` })).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}
