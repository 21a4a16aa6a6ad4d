/** Bundles the grader's TypeScript (child.ts, parent-lib.ts and the lib/ they import) into a temporary folder with esbuild. */
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The site's data files (public/<path>) that experiment checkers read: copied beside the bundle, where the children may read. */
export const SITE_FILES = ['data/mnist-digits-14.bin'];

/** Builds child.mjs and parent-lib.mjs into a new temporary folder, with SITE_FILES under site/; returns its path. */
export async function bundleGrader() {
  const outdir = mkdtempSync(join(tmpdir(), 'neural-notebook-grade-'));
  await build({
    entryPoints: { child: join(here, 'child.ts'), 'parent-lib': join(here, 'parent-lib.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'warning',
    // CommonJS dependencies (sucrase) call require(): give the ESM bundle one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  for (const path of SITE_FILES) {
    mkdirSync(join(outdir, 'site', dirname(path)), { recursive: true });
    copyFileSync(join(here, '../../public', path), join(outdir, 'site', path));
  }
  return outdir;
}
