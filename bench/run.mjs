// `npm run bench`: bundles bench/main.ts with the engine's TypeScript sources (esbuild, which Astro
// already brings) and runs it in this Node process. Packages stay external, so the bundle is
// written inside node_modules/.cache where Node resolves them.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const outfile = fileURLToPath(new URL('../node_modules/.cache/neural-notebook-bench/main.mjs', import.meta.url));
mkdirSync(new URL('../node_modules/.cache/neural-notebook-bench/', import.meta.url), { recursive: true });
await build({
  entryPoints: [fileURLToPath(new URL('./main.ts', import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  outfile,
  logLevel: 'error',
});
await import(pathToFileURL(outfile).href);
