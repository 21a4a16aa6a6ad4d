/** Worker entry of the claim widget: one run of the seeds × sizes grid (claimRunJob) at a time. */
import { setStorageReuse } from '../../lib/engine';
import { exposeJob } from '../../lib/runtime';
import { claimRunJob } from '../../lib/course/dropout';

// Our own job code keeps no views of tensor memory: reusing it spares the browser's page faults on fresh buffers.
setStorageReuse(true);

exposeJob(claimRunJob);
