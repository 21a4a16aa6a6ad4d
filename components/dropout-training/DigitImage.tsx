import { useEffect, useRef } from 'preact/hooks';
import { paintOnPaper } from './paper';

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
  useEffect(() => paintOnPaper(canvas.current, pixels, side), [pixels, side]);
  return <canvas ref={canvas} class="digit-image" width={side} height={side} style={{ width: `${size}px`, height: `${size}px` }} role="img" aria-label={label} />;
}
