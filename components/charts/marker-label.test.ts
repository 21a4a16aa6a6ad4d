import { describe, expect, it } from 'vitest';
import { placeMarkerLabel } from './marker-label';

const PLOT = { left: 52, right: 321, top: 10, bottom: 146 };
const LABEL = 'lowest validation loss (epoch 17)';

describe('placeMarkerLabel', () => {
  it('on a narrow chart, wraps the label to the room beside the line, on the side with more room', () => {
    const placed = placeMarkerLabel({ ...PLOT, at: 205, label: LABEL, points: [] });
    expect(placed.anchor).toBe('end');
    expect(placed.x).toBe(201);
    expect(placed.lines.join(' ')).toBe(LABEL);
    expect(placed.lines.length).toBeGreaterThan(1);
    // Every line fits between the y axis and the marker (at the estimate of the font's width).
    for (const line of placed.lines) expect(line.length * 11 * 0.58).toBeLessThanOrEqual(201 - 4 - PLOT.left);
  });

  it('keeps one line where there is room, and goes right of a line in the left half', () => {
    const placed = placeMarkerLabel({ ...PLOT, left: 52, right: 900, at: 200, label: LABEL, points: [] });
    expect(placed).toEqual({ x: 204, y: PLOT.top + 11, anchor: 'start', lines: [LABEL] });
  });

  it('moves to the bottom of the plot where the lines pass through its top corner, and stays on top where both are crossed', () => {
    const nearTop: [number, number][] = [[180, 14], [200, 16]];
    const below = placeMarkerLabel({ ...PLOT, at: 205, label: LABEL, points: nearTop });
    expect(below.y + (below.lines.length - 1) * 13).toBe(PLOT.bottom - 4);
    const both = placeMarkerLabel({ ...PLOT, at: 205, label: LABEL, points: [...nearTop, [190, 140]] });
    expect(both.y).toBe(PLOT.top + 11);
    // Points outside the label's columns do not count.
    const elsewhere = placeMarkerLabel({ ...PLOT, at: 205, label: LABEL, points: [[300, 14]] });
    expect(elsewhere.y).toBe(PLOT.top + 11);
  });
});
