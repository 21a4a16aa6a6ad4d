/** Worker entry of the dropout widget: runs dropoutJob off the main thread. */
import { exposeJob } from '../../lib/runtime';
import { dropoutJob } from '../../lib/course/dropout';

exposeJob(dropoutJob);
