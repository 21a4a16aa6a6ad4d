/** Worker entry: the reader's own image is checked, decoded and scaled here, off the main thread. */
import { exposeJob } from '../../lib/runtime';
import { decodeImageJob } from './decode-image.job';

exposeJob(decodeImageJob);
