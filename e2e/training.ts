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

/** Waits until runs A and B show the same step in two readings 300 ms apart; returns it. */
export async function expectLevel(widget: Locator): Promise<number> {
  let previous = -1;
  await expect
    .poll(
      async () => {
        const a = await stepOf(widget, 'A');
        const b = await stepOf(widget, 'B');
        const level = a === b && a === previous;
        previous = a === b ? a : -1;
        return level;
      },
      { intervals: [300], timeout: 20_000 },
    )
    .toBe(true);
  return previous;
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
 * chart of run B (within a pixel), however different the settings above them.
 */
export async function expectChartsAligned(page: Page, widget: Locator, widths: number[]): Promise<void> {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await expect(widget.locator('.training-widget__runs--row')).toHaveCount(1);
    const charts = run(widget, 'A').getByRole('slider');
    const count = await charts.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) {
      const name = (await charts.nth(i).getAttribute('aria-label')) ?? '';
      const title = name.split(':')[0] ?? name;
      const a = await charts.nth(i).boundingBox();
      const b = await run(widget, 'B').getByRole('slider', { name: new RegExp(`^${title.replace(/[()]/g, '\\$&')}`) }).boundingBox();
      expect(Math.abs((a?.y ?? NaN) - (b?.y ?? NaN)), `${title} at ${width} px: run A's top ${a?.y}, run B's ${b?.y}`).toBeLessThanOrEqual(1);
    }
  }
}
