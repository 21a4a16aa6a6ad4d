/** The worker job behind the softmax widget: the engine computes every column in float32. */
import { type SoftmaxColumns, softmaxColumns } from '../../lib/course/activations';
import type { Job } from '../../lib/runtime';

/** Logits z, the shift c added to each, and the temperature T. */
export interface SoftmaxRequest {
  logits: readonly number[];
  shift: number;
  temperature: number;
}

/** Computes the widget's columns for one request (microseconds; runs in a worker with the engine). */
export const softmaxJob: Job<SoftmaxRequest, never, SoftmaxColumns> = async ({ logits, shift, temperature }) =>
  softmaxColumns(logits, shift, temperature);
