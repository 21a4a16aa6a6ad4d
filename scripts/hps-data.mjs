// `npm run data:hps`: writes lib/course/hyperparameter-search/real-data.ts, the hyperparameter-search
// lesson's precomputed figures for its real objective (a network trained for every point): the
// true surface on a 21 × 21 grid and every method's best value per seed at two budgets. Bundles
// scripts/hps-data.ts with esbuild (as bench/run.mjs does) and runs it here; prints how long one
// trial and one race took. Deterministic: run it twice and the file is the same.
// `npm run bench:hps` (this script with --bench) runs scripts/hps-bench.ts instead: the time of one
// trial and of whole races, nothing written.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = new URL('../node_modules/.cache/neural-notebook-hps/', import.meta.url);
mkdirSync(dir, { recursive: true });
const outfile = fileURLToPath(new URL('main.mjs', dir));
await build({
  entryPoints: [fileURLToPath(new URL(process.argv.includes('--bench') ? './hps-bench.ts' : './hps-data.ts', import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  outfile,
  logLevel: 'error',
});
process.env.HPS_DATA_OUT = fileURLToPath(new URL('../lib/course/hyperparameter-search/real-data.ts', import.meta.url));
await import(pathToFileURL(outfile).href);
