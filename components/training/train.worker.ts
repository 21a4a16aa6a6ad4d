/** Worker entry of the training widgets: runs trainJob off the main thread. */
import { setStorageReuse } from '../../lib/engine';
import { exposeJob } from '../../lib/runtime';
import { trainJob } from '../../lib/ml/training';

// Our own job code keeps no views of tensor memory: reusing it spares the browser's page faults on fresh buffers.
setStorageReuse(true);

exposeJob(trainJob);
