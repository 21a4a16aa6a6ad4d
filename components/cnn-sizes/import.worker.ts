/** Worker entry of the CNN sizes widget's PyTorch importer. */
import { exposeJob } from '../../lib/workers';
import { importJob } from './import.job';

exposeJob(importJob);
