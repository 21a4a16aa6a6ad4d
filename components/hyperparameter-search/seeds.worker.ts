/** Worker entry: one seed's races of every method, for the widget's race over seeds. */
import { exposeJob } from '../../lib/runtime';
import { seedRaceJob } from '../../lib/course/hyperparameter-search';

exposeJob(seedRaceJob);
