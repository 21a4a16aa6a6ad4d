/** Worker entry of the CNN sizes widget's PyTorch importer. */
import { exposeJob } from '../../lib/runtime';
import { importJob } from '../../lib/course/cnn-sizes';

exposeJob(importJob);
