/** Draws grey levels on 0 … 1 as dark ink on a light ground (in both themes, as on paper), one canvas pixel per image pixel. */
export function paintOnPaper(canvas: HTMLCanvasElement | null, pixels: ArrayLike<number>, side: number): void {
  const ctx = canvas?.getContext('2d');
  if (!ctx) return;
  const image = ctx.createImageData(side, side);
  for (let i = 0; i < side * side; i++) {
    const level = Math.round(255 * (1 - (pixels[i] ?? 0)));
    image.data.set([level, level, level, 255], 4 * i);
  }
  ctx.putImageData(image, 0, 0);
}
