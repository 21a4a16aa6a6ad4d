/** Worker entry of the training widgets: runs trainJob off the main thread. */
import { exposeJob } from '../../lib/workers';
import { trainJob } from './train.job';

exposeJob(trainJob);
