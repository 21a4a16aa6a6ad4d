/**
 * The site's own fonts for the social preview images, as TrueType files resvg can load: the
 * Fontsource variable fonts the pages use, cut to Latin text and pinned to the weights the card
 * draws with (resvg reads neither WOFF2 nor a variable font's axis). Made once per process into
 * a temporary folder.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import subsetFont from 'subset-font';

/** A face the card uses: the Fontsource package's Latin file and the weight it is pinned at. */
interface Face {
  readonly file: string;
  readonly weight: number;
}

/** Source Serif 4 for titles (as the pages' headings), Inter for labels (as the pages' interface). */
export const CARD_FACES: readonly Face[] = [
  { file: 'source-serif-4/files/source-serif-4-latin-wght-normal.woff2', weight: 650 },
  { file: 'inter/files/inter-latin-wght-normal.woff2', weight: 500 },
  { file: 'inter/files/inter-latin-wght-normal.woff2', weight: 650 },
];

/** Every character a card may draw: printable ASCII and the typography the titles use. */
const CHARACTERS = `${Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('')}–—‘’“”·…×→²σ`;

let made: Promise<string[]> | undefined;

/** The paths of the card's TrueType fonts (made at the first call, then reused). */
export function cardFontFiles(root = process.cwd()): Promise<string[]> {
  made ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nn-card-fonts-'));
    return Promise.all(
      CARD_FACES.map(async ({ file, weight }, i) => {
        const source = readFileSync(join(root, 'node_modules/@fontsource-variable', file));
        const font = await subsetFont(source, CHARACTERS, { targetFormat: 'truetype', variationAxes: { wght: weight } });
        const path = join(dir, `face-${i}.ttf`);
        writeFileSync(path, font);
        return path;
      }),
    );
  })();
  return made;
}
