/** Reading the reader's own image: checked, decoded and scaled in a worker; never uploaded. */
import { IMAGE_FORMATS_TEXT, imageProblem } from '../../lib/course/convolution';
import { MAX_SIDE, pictureFromRgba, type Picture } from '../../lib/course/convolution';
import { JobScheduler } from '../../lib/runtime';
import type { DecodeRequest, DecodeResult } from './decode-image.job';

/** An image file read into a picture, with what the reader should be told about it. */
export interface LoadedImage {
  readonly picture: Picture;
  readonly name: string;
  readonly originalWidth: number;
  readonly originalHeight: number;
}

/**
 * Reads image files one at a time in a worker of its own (`cancel-previous`: a new file cancels
 * the one being read).
 */
export class ImageReader {
  private readonly scheduler = new JobScheduler<DecodeRequest, never, DecodeResult>(
    () => new Worker(new URL('./decode-image.worker.ts', import.meta.url), { type: 'module' }),
    { policy: 'cancel-previous' },
  );
  /** Every file read is a request of its own, even the same file again. */
  private reads = 0;

  /**
   * Reads a file and scales it to fit MAX_SIDE × MAX_SIDE, keeping its aspect ratio. Rejects with a
   * sentence for the reader when the file cannot be used, and with a JobCancelledError when a newer
   * file replaced it.
   */
  async read(file: File): Promise<LoadedImage> {
    if (file.type !== '' && !file.type.startsWith('image/')) {
      throw new Error(`“${file.name}” is not an image (its type is ${file.type}). Choose a ${IMAGE_FORMATS_TEXT} file.`);
    }
    const tooLarge = imageProblem(file.name, file.size);
    if (tooLarge) throw new Error(tooLarge);
    this.reads += 1;
    const result = await this.scheduler.request({ file, name: file.name, maxSide: MAX_SIDE }, `read ${this.reads}`);
    if (!result.ok) throw new Error(result.message);
    return { picture: pictureFromRgba(result.rgba, result.width, result.height), name: file.name, originalWidth: result.originalWidth, originalHeight: result.originalHeight };
  }

  /** Stops any read in progress and terminates the worker. */
  dispose(): void {
    this.scheduler.dispose();
  }
}
