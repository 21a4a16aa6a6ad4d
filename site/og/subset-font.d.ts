// subset-font ships no types: the one call the card's fonts make (scripts/make-fonts.mjs makes the same).
declare module 'subset-font' {
  /** A font cut to `text`'s characters, in `targetFormat`, its variable axes pinned or narrowed. */
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options: { targetFormat: 'truetype' | 'woff' | 'woff2' | 'sfnt'; variationAxes?: Record<string, number | { min: number; max: number }> },
  ): Promise<Buffer>;
}
