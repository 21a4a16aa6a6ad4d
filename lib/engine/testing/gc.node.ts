/** Node's garbage collector for tests that need a collection to happen (FinalizationRegistry callbacks). */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Collects garbage, then lets the FinalizationRegistry callbacks that the collection queued run. */
export async function collectGarbage(): Promise<void> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 0));
}
