// Bundles a TypeScript entry (a bench or a data script) with esbuild, which Astro already brings, for
// this Node process to import. Packages stay external, so the bundle is written inside
// node_modules/.cache, where Node resolves them.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Bundles `entry` (a file URL) into node_modules/.cache/<cacheName>/main.mjs; returns that file's path. */
export async function bundleTs(entry, cacheName) {
  const dir = new URL(`../node_modules/.cache/${cacheName}/`, import.meta.url);
  mkdirSync(dir, { recursive: true });
  const outfile = fileURLToPath(new URL('main.mjs', dir));
  await build({ entryPoints: [fileURLToPath(entry)], bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', outfile, logLevel: 'error' });
  return outfile;
}
