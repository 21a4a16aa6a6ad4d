/** The PyTorch importer as a worker job: reading pasted code never blocks the page, whatever its size. */
import { importPyTorch, type ImportResult } from '../../ml/layer-stack';
import type { Job } from '../../runtime';

/** What the page asks the worker to read. */
export interface ImportRequest {
  readonly source: string;
}

/** Reads the code with importPyTorch(); the limits of lib/ml/layer-stack/limits.ts bound the work. */
export const importJob: Job<ImportRequest, never, ImportResult> = async ({ source }) => importPyTorch(source);
