/** Worker entry: the explorer's curves are computed here, off the main thread. */
import { exposeJob } from '../../lib/workers';
import { curvesJob } from './curves.job';

exposeJob(curvesJob);
