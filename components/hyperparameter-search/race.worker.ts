/** Worker entry: one method's race of the hyperparameter-search widget. */
import { setStorageReuse } from '../../lib/engine';
import { exposeJob } from '../../lib/runtime';
import { raceJob } from '../../lib/course/hyperparameter-search';

// Our own job code keeps no views of tensor memory: reusing it spares the browser's page faults on fresh buffers.
setStorageReuse(true);

exposeJob(raceJob);
