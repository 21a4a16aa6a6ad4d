/** Worker entry: the widget's forward pass runs here, off the main thread. */
import { exposeJob } from '../../lib/workers';
import { forwardJob } from './forward.job';

exposeJob(forwardJob);
