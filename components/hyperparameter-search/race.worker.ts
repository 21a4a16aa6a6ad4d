/** Worker entry: one method's race of the hyperparameter-search widget. */
import { exposeJob } from '../../lib/runtime';
import { raceJob } from '../../lib/course/hyperparameter-search';

exposeJob(raceJob);
