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
 * Plays until both runs reach at least `step` (one may lag the other by a few updates), then
 * pauses and waits for both to settle.
 */
export async function playUntil(widget: Locator, step: number): Promise<void> {
  await widget.getByRole('button', { name: 'Play', exact: true }).click();
  await expect
    .poll(async () => Math.min(await stepOf(widget, 'A'), await stepOf(widget, 'B')), { timeout: 45_000 })
    .toBeGreaterThanOrEqual(step);
  await widget.getByRole('button', { name: 'Pause', exact: true }).click();
  await expectSettled(widget, 'A');
  await expectSettled(widget, 'B');
}

/** Waits until a run's step stops changing. */
export async function expectSettled(widget: Locator, name: 'A' | 'B'): Promise<number> {
  let previous = -1;
  await expect
    .poll(
      async () => {
        const now = await stepOf(widget, name);
        const same = now === previous;
        previous = now;
        return same;
      },
      { intervals: [300], timeout: 10_000 },
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
