import { resolveCssColor } from '../charts/css-color';

/** An RGB colour. */
export type Rgb = [number, number, number];

/** A theme colour (a CSS custom property such as --chart-1) as RGB, for pixel work on a canvas. */
export function themeColor(name: string): Rgb {
  const rgb = /^rgba?\((\d+)[ ,]+(\d+)[ ,]+(\d+)/.exec(resolveCssColor(`var(${name})`));
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : [128, 128, 128];
}

/** Several theme colours as RGB, by name. */
export function themeColors<const K extends string>(names: readonly K[]): Record<K, Rgb> {
  return Object.fromEntries(names.map((n) => [n, themeColor(n)])) as Record<K, Rgb>;
}
