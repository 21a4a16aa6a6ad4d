/** Worker entry: the pooling widget's forward and backward passes run here, off the main thread. */
import { exposeJob } from '../../lib/runtime';
import { poolJob } from '../../lib/course/pooling';

exposeJob(poolJob);
