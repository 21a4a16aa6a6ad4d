import { paperDataUrl } from './paper';

interface Props {
  /** side × side grey levels on 0 … 1 (0 is the background). */
  pixels: ArrayLike<number>;
  side: number;
  /** Drawn size in CSS pixels. */
  size: number;
  /** What the image shows, for screen readers. */
  label: string;
}

/**
 * A small digit image: dark ink on a light ground in both themes, as on paper, scaled up without
 * smoothing. An <img>, not a canvas: the browser composites every canvas as a layer of its own and
 * prepares each one again at every frame, which for the dropout lesson's 48 misclassified digits
 * cost more main-thread time than anything they show; an image that did not change costs nothing.
 */
export function DigitImage({ pixels, side, size, label }: Props) {
  return <img class="digit-image" src={paperDataUrl(pixels, side)} width={size} height={size} alt={label} decoding="async" />;
}
