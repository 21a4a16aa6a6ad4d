/** Worker entry of the training widgets: runs trainJob off the main thread. */
import { exposeJob } from '../../lib/runtime';
import { trainJob } from '../../lib/ml/training';

exposeJob(trainJob);
