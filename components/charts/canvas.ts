/**
 * The 2-D context of `el`, sized for `width` × `height` CSS pixels at the device's pixel ratio,
 * scaled so that drawing is in CSS pixels, and cleared; null where there is no canvas or context.
 * The backing store is reallocated only when the size really changed (resizing a canvas costs).
 */
export function clearedCanvas(el: HTMLCanvasElement | null, width: number, height: number): CanvasRenderingContext2D | null {
  const ctx = el?.getContext('2d');
  if (!el || !ctx) return null;
  const dpr = window.devicePixelRatio || 1;
  if (el.width !== Math.round(width * dpr)) el.width = Math.round(width * dpr);
  if (el.height !== Math.round(height * dpr)) el.height = Math.round(height * dpr);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}
