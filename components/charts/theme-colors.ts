/**
 * The one place charts get their colours: the theme's CSS custom properties (--chart-1, --border,
 * --bg-raised…) as a canvas needs them, read in the document's current theme. `useTheme()` gives a
 * value that changes when the reader switches theme, so a chart redraws with the new colours.
 */
import { useEffect, useState } from 'preact/hooks';

/** A colour as red, green and blue bytes. */
export type Rgb = readonly [number, number, number];

/** The root's data-theme ("light" or "dark"; "light" on the server). */
function currentTheme(): string {
  return typeof document === 'undefined' ? 'light' : (document.documentElement.dataset.theme ?? 'light');
}

/** The current colour theme, as a value that changes when the reader switches it. */
export function useTheme(): string {
  const [theme, setTheme] = useState(currentTheme);
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(currentTheme()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return theme;
}

// Computed colours, keyed by theme and expression (so a theme switch never serves a stale one).
const strings = new Map<string, string>();
const bytes = new Map<string, Rgb>();
let probe: HTMLElement | undefined;
let pixel: CanvasRenderingContext2D | null | undefined;

/**
 * The computed colour of a CSS colour expression (`var(--chart-1)`, a `color-mix(...)` of theme
 * variables, any colour syntax) in the current theme, as a string a canvas accepts.
 */
export function cssColor(expression: string): string {
  const key = `${currentTheme()}|${expression}`;
  const hit = strings.get(key);
  if (hit !== undefined) return hit;
  if (!probe) {
    probe = document.createElement('span');
    probe.style.display = 'none';
    document.body.append(probe);
  }
  probe.style.color = '';
  probe.style.color = expression;
  const value = getComputedStyle(probe).color;
  strings.set(key, value);
  return value;
}

/** cssColor() as bytes (a canvas normalises whatever syntax the browser computed); grey if it cannot. */
export function cssColorRgb(expression: string): Rgb {
  const key = `${currentTheme()}|${expression}`;
  const hit = bytes.get(key);
  if (hit !== undefined) return hit;
  pixel ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!pixel) return [128, 128, 128];
  pixel.clearRect(0, 0, 1, 1);
  pixel.fillStyle = cssColor(expression);
  pixel.fillRect(0, 0, 1, 1);
  const [r = 128, g = 128, b = 128, a = 0] = pixel.getImageData(0, 0, 1, 1).data;
  const rgb: Rgb = a === 0 ? [128, 128, 128] : [r, g, b];
  bytes.set(key, rgb);
  return rgb;
}

/** Several theme custom properties as bytes, by name: themeColors(['--chart-1', '--bg-raised']). */
export function themeColors<const K extends string>(names: readonly K[]): Record<K, Rgb> {
  return Object.fromEntries(names.map((name) => [name, cssColorRgb(`var(${name})`)])) as Record<K, Rgb>;
}

/** The colours of a diverging map. */
export interface DivergingColours {
  /** Positive values (--chart-1). */
  readonly positive: Rgb;
  /** Negative values (--chart-2). */
  readonly negative: Rgb;
  /** Zero: the widget's background (--bg-raised). */
  readonly zero: Rgb;
}

// Used on the server and before the first read: the light theme's values.
const LIGHT_DIVERGING: DivergingColours = { positive: [42, 95, 208], negative: [199, 51, 111], zero: [255, 255, 255] };

/** The diverging map's theme colours, read on the client and again whenever the theme changes. */
export function useDivergingColours(): DivergingColours {
  const theme = useTheme();
  const [colours, setColours] = useState<DivergingColours>(LIGHT_DIVERGING);
  useEffect(() => {
    const c = themeColors(['--chart-1', '--chart-2', '--bg-raised']);
    setColours({ positive: c['--chart-1'], negative: c['--chart-2'], zero: c['--bg-raised'] });
  }, [theme]);
  return colours;
}
