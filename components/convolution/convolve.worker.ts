/** Worker entry: the convolution widget's feature maps are computed here, off the main thread. */
import { exposeJob } from '../../lib/runtime';
import { convolveJob } from '../../lib/course/convolution';

exposeJob(convolveJob);
