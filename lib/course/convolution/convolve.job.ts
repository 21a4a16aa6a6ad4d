/** The worker job behind the convolution widget: the engine's conv2d on the picture. */
import { convolve, type ConvOutput, type ConvRequest } from './forward';
import type { Job } from '../../runtime';

/** A convolution to run, tagged with the key of the settings it belongs to. */
export interface ConvolveParams extends ConvRequest {
  readonly key: string;
}

/** The engine's output, tagged with the same key, so the view never pairs a map with the wrong settings. */
export interface ConvolveResult extends ConvOutput {
  readonly key: string;
}

/** Runs conv2d for one request (milliseconds for a 64 × 64 image; runs in a worker). */
export const convolveJob: Job<ConvolveParams, never, ConvolveResult> = async (params) => ({ key: params.key, ...convolve(params) });
