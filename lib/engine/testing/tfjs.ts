/**
 * TensorFlow.js as an independent reference (tests) and peer (bench): tfjs-core with the cpu
 * backend and all of its gradients registered. Not part of the engine's public API.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { build } from 'esbuild';

let loading: Promise<typeof tf> | undefined;

/**
 * tfjs with the 'cpu' backend active and every gradient registered. tfjs-core's Node build
 * registers no gradients; its ES module sources do, in files Node cannot load directly, so this
 * bundles them and runs the bundle once (they register into tfjs's global registry).
 */
export function loadTfjs(): Promise<typeof tf> {
  loading ??= (async () => {
    const bundle = await build({
      stdin: { contents: "import '@tensorflow/tfjs-core/dist/register_all_gradients.js';", resolveDir: '.' },
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      logLevel: 'error',
    });
    new Function(bundle.outputFiles[0]!.text)();
    tf.enableProdMode();
    await tf.setBackend('cpu');
    return tf;
  })();
  return loading;
}
