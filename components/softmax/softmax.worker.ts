/** Worker entry: the softmax widget's numbers are computed here, by the engine, off the main thread. */
import { exposeJob } from '../../lib/runtime';
import { softmaxJob } from './softmax.job';

exposeJob(softmaxJob);
