/** Downloading a chart's export in a spec, and reading the SVG, PNG and CSV files it gives. */
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Clicks Export, then `choice` in its menu, and returns the downloaded file's name and bytes. */
export async function exportAs(page: Page, chart: Locator, exportName: string, choice: 'SVG' | 'PNG' | 'Data (CSV)'): Promise<{ name: string; bytes: Buffer }> {
  await chart.getByRole('button', { name: exportName, exact: true }).click();
  const menu = chart.getByRole('group', { name: `${exportName} as` });
  await expect(menu).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), menu.getByRole('button', { name: choice, exact: true }).click()]);
  await expect(menu).toBeHidden();
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

/** What the page's own XML parser makes of an SVG file. */
export async function parseSvg(page: Page, text: string) {
  return page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      root: root.localName,
      xmlns: root.namespaceURI,
      viewBox: root.getAttribute('viewBox'),
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      title: root.querySelector('title')?.textContent ?? null,
      images: Array.from(root.querySelectorAll('image'), (i) => (i.getAttribute('href') ?? '').slice(0, 22)),
      fills: Array.from(root.querySelectorAll('rect'), (r) => (r as SVGElement).style.fill),
      texts: Array.from(root.querySelectorAll('text'), (t) => t.textContent ?? ''),
      // Each embedded @font-face: its family and the media type of its data: URL.
      fonts: Array.from(root.querySelectorAll('style'), (s) => s.textContent ?? '')
        .join('')
        .match(/@font-face\{[^}]*\}/g)
        ?.map((rule) => ({ family: /font-family:'([^']*)'/.exec(rule)?.[1] ?? '', type: /src:url\((data:[^;,]*);base64,/.exec(rule)?.[1] ?? '' })) ?? [],
    };
  }, text);
}

/** A PNG's size from its IHDR chunk and its first pixel (RGBA, 8 bits), after checking its signature. */
export function readPng(bytes: Buffer): { width: number; height: number; firstPixel: number[] } {
  expect([...bytes.subarray(0, 8)], 'PNG signature').toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect([bytes[24], bytes[25]], 'bit depth 8, colour type RGBA').toEqual([8, 6]);
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  // The first pixel's bytes are stored as they are under every filter (nothing lies left or above it).
  const raw = inflateSync(Buffer.concat(idat));
  return { width, height, firstPixel: [...raw.subarray(1, 5)] };
}

/** Rows of a CSV file without quoted fields (what these charts write): header first. */
export const csvRows = (bytes: Buffer): string[][] =>
  bytes
    .toString('utf8')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','));

/** The first family of an element's computed font-family: the web font its text is set in. */
export async function firstFamily(el: Locator): Promise<string> {
  const list = await el.evaluate((e) => getComputedStyle(e).fontFamily);
  return list.split(',')[0]?.trim().replace(/^["']|["']$/g, '') ?? '';
}

/** An export button is its own tab stop just before a keyboard control, and no part of it: Shift+Tab from the control reaches the button, Tab goes back. */
export async function expectTabStopBefore(page: Page, control: Locator, button: Locator): Promise<void> {
  await expect(control.getByRole('button')).toHaveCount(0);
  await control.focus();
  await page.keyboard.press('Shift+Tab');
  await expect(button).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(control).toBeFocused();
}
