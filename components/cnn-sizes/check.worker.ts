/** Worker entry of the CNN sizes widget's engine check. */
import { exposeJob } from '../../lib/runtime';
import { engineCheckJob } from '../../lib/course/cnn-sizes';

exposeJob(engineCheckJob);
