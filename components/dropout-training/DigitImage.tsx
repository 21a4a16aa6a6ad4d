import { useEffect, useRef } from 'preact/hooks';

interface Props {
  /** side × side grey levels on 0 … 1 (0 is the background). */
  pixels: ArrayLike<number>;
  side: number;
  /** Drawn size in CSS pixels. */
  size: number;
  /** What the image shows, for screen readers. */
  label: string;
}

/** A small digit image: dark ink on a light ground in both themes, as on paper, scaled up without smoothing. */
export function DigitImage({ pixels, side, size, label }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(side, side);
    for (let i = 0; i < side * side; i++) {
      const level = Math.round(255 * (1 - (pixels[i] ?? 0)));
      image.data.set([level, level, level, 255], 4 * i);
    }
    ctx.putImageData(image, 0, 0);
  }, [pixels, side]);
  return <canvas ref={canvas} class="digit-image" width={side} height={side} style={{ width: `${size}px`, height: `${size}px` }} role="img" aria-label={label} />;
}
