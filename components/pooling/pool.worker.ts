/** Worker entry: the pooling widget's forward and backward passes run here, off the main thread. */
import { exposeJob } from '../../lib/workers';
import { poolJob } from './pool.job';

exposeJob(poolJob);
