/** Worker entry: the widget's forward pass runs here, off the main thread. */
import { exposeJob } from '../../lib/runtime';
import { forwardJob } from '../../lib/course/rnn-shapes';

exposeJob(forwardJob);
