/** For tests: the widget's forward pass for a setting, as the widget requests it (in-process, no worker). */
import { runJob } from '../../lib/runtime';
import { forwardJob } from '../../lib/course/rnn-shapes';
import { type RnnValues, viewOf } from './model';

/** The calculator's view of `values` and the engine's outcome for the same request. */
export async function runForward(values: RnnValues) {
  const view = viewOf(values);
  const outcome = await runJob(forwardJob, { config: view.config, inputShape: view.inputShape, h0Shape: view.h0Shape, seed: values.seed }).result;
  return { view, outcome };
}
