import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportResult } from '../../lib/ml/layer-stack';
import { JobCancelledError, JobRunner, type JobHandle, type WorkerLike } from '../../lib/runtime';
import type { ImportRequest } from '../../lib/course/cnn-sizes';

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

/** Runs the PyTorch importer off the main thread, latest read wins; the worker ends on unmount. */
export function useImportJob(createWorker: () => WorkerLike): ImportJob {
  const runner = useRef<JobRunner<ImportRequest, never, ImportResult>>();
  const current = useRef<JobHandle<ImportResult>>();
  const [busy, setBusy] = useState(false);

  useEffect(() => () => runner.current?.dispose(), []);

  const read = (source: string): Promise<ImportResult> => {
    current.current?.cancel();
    runner.current ??= new JobRunner<ImportRequest, never, ImportResult>(createWorker);
    const handle = runner.current.start({ source });
    current.current = handle;
    setBusy(true);
    return new Promise((resolve, reject) => {
      handle.result.then(
        (result) => {
          if (current.current !== handle) return;
          setBusy(false);
          resolve(result);
        },
        (error: unknown) => {
          if (error instanceof JobCancelledError || current.current !== handle) return;
          setBusy(false);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  };
  return { busy, read };
}
