// `npm run data:hps`: writes lib/course/hyperparameter-search/real-data.ts, the hyperparameter-search
// lesson's precomputed figures for its real objective (a network trained for every point): the
// true surface on a 21 × 21 grid and every method's best value per seed at two budgets. Bundles
// scripts/hps-data.ts with esbuild (bundle-ts.mjs, as bench/run.mjs does) and runs it here; prints how long one
// trial and one race took. Deterministic: run it twice and the file is the same.
// `npm run bench:hps` (this script with --bench) runs scripts/hps-bench.ts instead: the time of one
// trial and of whole races, nothing written.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleTs } from './bundle-ts.mjs';

const outfile = await bundleTs(new URL(process.argv.includes('--bench') ? './hps-bench.ts' : './hps-data.ts', import.meta.url), 'neural-notebook-hps');
process.env.HPS_DATA_OUT = fileURLToPath(new URL('../lib/course/hyperparameter-search/real-data.ts', import.meta.url));
await import(pathToFileURL(outfile).href);
