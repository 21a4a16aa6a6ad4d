/** Worker entry: the dropout-forward widget's passes through the engine's nn.Dropout run here, off the main thread. */
import { dropoutForwardJob } from '../../lib/course/dropout-forward';
import { exposeJob } from '../../lib/runtime';

exposeJob(dropoutForwardJob);
