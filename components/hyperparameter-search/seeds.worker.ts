/** Worker entry: one seed's races of every method, for the widget's race over seeds. */
import { setStorageReuse } from '../../lib/engine';
import { exposeJob } from '../../lib/runtime';
import { seedRaceJob } from '../../lib/course/hyperparameter-search';

// Our own job code keeps no views of tensor memory: reusing it spares the browser's page faults on fresh buffers.
setStorageReuse(true);

exposeJob(seedRaceJob);
