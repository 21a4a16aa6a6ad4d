/** Numbers as the CNN sizes table shows them: counts with separators, bytes and operations with units. */

/** A whole number with thousands separators: 62,378,344. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Bytes in decimal units with three significant digits: 400 B, 3.14 kB, 5.85 MB, 553 MB, 1.20 GB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 999.5 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toPrecision(3)} ${units[unit]}`;
}

/** A large count in short form: 416,520; 105 M; 1.14 G (millions and billions). */
export function formatShort(n: number): string {
  if (n < 1e6) return formatCount(n);
  if (n < 1e9) return `${(n / 1e6).toPrecision(3)} M`;
  return `${(n / 1e9).toPrecision(3)} G`;
}
