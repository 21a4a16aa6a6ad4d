/** Worker entry: the explorer's curves are computed here, off the main thread. */
import { exposeJob } from '../../lib/runtime';
import { curvesJob } from '../../lib/course/activations';

exposeJob(curvesJob);
