// `npm run bench`: bundles bench/main.ts with the engine's TypeScript sources (esbuild, which Astro
// already brings) and runs it in this Node process. Packages stay external, so the bundle is
// written inside node_modules/.cache where Node resolves them.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
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
// Other processes skew every timing: say how busy the machine was (on stderr, so --json stays clean).
const load = () => loadavg()[0].toFixed(1);
process.stderr.write(`load average before: ${load()}\n`);
await import(pathToFileURL(outfile).href);
process.stderr.write(`load average after: ${load()}\n`);
