/** Worker entry: experiment exercises are re-run here, off the main thread. */
import { exposeJob } from '../../lib/runtime';
import { experimentCheckJob } from '../../lib/course/experiment-check';

exposeJob(experimentCheckJob);
