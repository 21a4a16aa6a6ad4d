// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFrameDelayed } from './useFrameDelayed';

/** Animation frames run by hand: `frame()` runs the callbacks queued so far. */
let queue: FrameRequestCallback[] = [];
const frame = (): void =>
  void act(() => {
    const now = queue;
    queue = [];
    now.forEach((f) => f(0));
  });

let shown: number[] = [];
function Probe({ value, frames }: { value: number; frames: number }) {
  shown.push(useFrameDelayed(value, frames));
  return null;
}

describe('useFrameDelayed', () => {
  const root = document.createElement('div');
  beforeEach(() => {
    queue = [];
    shown = [];
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => queue.push(f));
    vi.stubGlobal('cancelAnimationFrame', () => (queue = []));
  });
  afterEach(() => {
    render(null, root);
    vi.unstubAllGlobals();
  });
  const show = (value: number, frames: number): void => void act(() => render(h(Probe, { value, frames }), root));

  it('shows a new value only after the frames asked for', () => {
    show(1, 2);
    show(2, 2);
    expect(shown.at(-1)).toBe(1);
    frame();
    expect(shown.at(-1)).toBe(1);
    frame();
    expect(shown.at(-1)).toBe(2);
  });

  it('shows the latest of values that arrive while it waits, at the end of the first wait (none is starved)', () => {
    show(1, 2);
    show(2, 2);
    frame();
    show(3, 2); // arrives mid-wait: does not start the wait again
    frame();
    expect(shown.at(-1)).toBe(3);
  });

  it('with 0 frames, shows each value at once', () => {
    show(1, 0);
    show(2, 0);
    expect(shown.at(-1)).toBe(2);
    expect(queue).toHaveLength(0);
  });
});
