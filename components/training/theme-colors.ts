/** An RGB colour. */
export type Rgb = [number, number, number];

/**
 * Reads theme colours (CSS custom properties such as --chart-1) as RGB, for drawing on a canvas.
 * getComputedStyle forces a style recalculation, so read once per theme, not once per frame.
 */
export function themeColors<const K extends string>(element: Element, names: readonly K[]): Record<K, Rgb> {
  return Object.fromEntries(names.map((n) => [n, themeColor(element, n)])) as Record<K, Rgb>;
}

let probe: CanvasRenderingContext2D | null | undefined;

/**
 * Reads one theme colour as RGB. The value may be written any way CSS allows (#fff, #ffffff,
 * rgb(), a name): a canvas normalises it, which is how the browser itself would parse it.
 */
export function themeColor(element: Element, name: string): Rgb {
  const value = getComputedStyle(element).getPropertyValue(name).trim();
  probe ??= document.createElement('canvas').getContext('2d');
  if (!probe || value === '') return [128, 128, 128];
  probe.fillStyle = '#808080';
  probe.fillStyle = value;
  const normalised = String(probe.fillStyle);
  const hex = /^#([0-9a-f]{6})$/i.exec(normalised)?.[1];
  if (hex) return [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16)];
  const rgb = /^rgba?\((\d+)[ ,]+(\d+)[ ,]+(\d+)/.exec(normalised);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : [128, 128, 128];
}

/** Calls `redraw` whenever the page's colour theme changes. Returns the function that stops watching. */
export function onThemeChange(redraw: () => void): () => void {
  const observer = new MutationObserver(redraw);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
