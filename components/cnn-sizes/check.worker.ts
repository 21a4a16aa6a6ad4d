/** Worker entry of the CNN sizes widget's engine check. */
import { exposeJob } from '../../lib/workers';
import { engineCheckJob } from './check.job';

exposeJob(engineCheckJob);
