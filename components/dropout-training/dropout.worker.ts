/** Worker entry of the dropout widget: runs dropoutJob off the main thread. */
import { setStorageReuse } from '../../lib/engine';
import { exposeJob } from '../../lib/runtime';
import { dropoutJob } from '../../lib/course/dropout';

// Our own job code keeps no views of tensor memory: reusing it spares the browser's page faults on fresh buffers.
setStorageReuse(true);

exposeJob(dropoutJob);
