/** Worker entry: experiment exercises are re-run here, off the main thread, with the site's data files fetched. */
import { setStorageReuse } from '../../lib/engine';
import { exposeJob } from '../../lib/runtime';
import { experimentCheckJobReading } from '../../lib/course/experiment-check';
import { fetchSiteFile } from '../widget-kit/site-file';

// Our own job code keeps no views of tensor memory: reusing it spares the browser's page faults on fresh buffers.
setStorageReuse(true);

exposeJob(experimentCheckJobReading({ read: fetchSiteFile }));
