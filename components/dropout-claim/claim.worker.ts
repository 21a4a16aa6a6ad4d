/** Worker entry of the claim widget: one run of the seeds × sizes grid (claimRunJob) at a time. */
import { exposeJob } from '../../lib/runtime';
import { claimRunJob } from '../../lib/course/dropout';

exposeJob(claimRunJob);
