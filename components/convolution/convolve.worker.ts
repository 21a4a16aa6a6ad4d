/** Worker entry: the convolution widget's feature maps are computed here, off the main thread. */
import { exposeJob } from '../../lib/workers';
import { convolveJob } from './convolve.job';

exposeJob(convolveJob);
