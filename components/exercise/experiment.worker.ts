/** Worker entry: experiment exercises are re-run here, off the main thread, with the site's data files fetched. */
import { exposeJob } from '../../lib/runtime';
import { experimentCheckJobReading } from '../../lib/course/experiment-check';
import { fetchSiteFile } from '../widget-kit/site-file';

exposeJob(experimentCheckJobReading({ read: fetchSiteFile }));
