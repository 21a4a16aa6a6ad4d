import { useEffect, useState } from 'preact/hooks';

/** A colour as red, green and blue bytes. */
export type Rgb = readonly [number, number, number];

/** The theme colours a pixel map paints with (canvas cannot read CSS variables itself). */
export interface ThemeColours {
  /** Positive values of a diverging map. */
  positive: Rgb;
  /** Negative values of a diverging map. */
  negative: Rgb;
  /** Zero: the widget's background. */
  zero: Rgb;
}

// Used on the server and before the first measurement: the light theme's values.
const FALLBACK: ThemeColours = { positive: [42, 95, 208], negative: [199, 51, 111], zero: [255, 255, 255] };

/** Resolves a CSS colour (any syntax the browser knows) to bytes, by letting a canvas normalise it. */
function toRgb(ctx: CanvasRenderingContext2D, colour: string, fallback: Rgb): Rgb {
  ctx.fillStyle = '#000';
  ctx.fillStyle = colour.trim() || '#000';
  ctx.clearRect(0, 0, 1, 1);
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
  return a === 0 || r === undefined || g === undefined || b === undefined ? fallback : [r, g, b];
}

function readColours(): ThemeColours {
  const style = getComputedStyle(document.documentElement);
  const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!ctx) return FALLBACK;
  return {
    positive: toRgb(ctx, style.getPropertyValue('--chart-1'), FALLBACK.positive),
    negative: toRgb(ctx, style.getPropertyValue('--chart-2'), FALLBACK.negative),
    zero: toRgb(ctx, style.getPropertyValue('--bg-raised'), FALLBACK.zero),
  };
}

/**
 * The theme's chart colours as bytes, read from the CSS variables --chart-1, --chart-2 and
 * --bg-raised, and read again whenever the theme changes (the root's data-theme attribute).
 */
export function useThemeColours(): ThemeColours {
  const [colours, setColours] = useState<ThemeColours>(FALLBACK);
  useEffect(() => {
    setColours(readColours());
    const observer = new MutationObserver(() => setColours(readColours()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return colours;
}
