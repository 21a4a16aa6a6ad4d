import { useRef } from 'preact/hooks';
import type { ImportResult } from '../../lib/ml/layer-stack';
import { JobCancelledError, type WorkerLike } from '../../lib/runtime';
import type { ImportRequest } from '../../lib/course/cnn-sizes';
import { useJob } from '../widget-kit/useJob';

/** The importer in a worker: `read(source)` resolves with what the code defines. */
export interface ImportJob {
  /** Whether a read is in progress. */
  readonly busy: boolean;
  /**
   * Reads `source` in the worker. The latest read wins: a read still running is cancelled (its
   * worker terminated) and its promise never settles, so only the newest result is applied.
   */
  read(source: string): Promise<ImportResult>;
}

/** Runs the PyTorch importer off the main thread (`cancel-previous`); the worker ends on unmount. */
export function useImportJob(createWorker: () => WorkerLike): ImportJob {
  const job = useJob<ImportRequest, never, ImportResult>(createWorker, 'cancel-previous');
  const reads = useRef(0);
  return {
    busy: job.busy,
    read: (source) =>
      new Promise((resolve, reject) => {
        // Every Build reads anew, even the same text: each read has a key of its own.
        reads.current += 1;
        job.request({ source }, `read ${reads.current}`).then(resolve, (error: unknown) => {
          if (!(error instanceof JobCancelledError)) reject(error instanceof Error ? error : new Error(String(error)));
        });
      }),
  };
}
