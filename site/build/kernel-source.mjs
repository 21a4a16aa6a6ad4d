// A Vite plugin serving `virtual:notebook-kernel-source`: the notebook kernel's worker
// (lib/notebook/kernel.worker.ts with the engine, sucrase and acorn) bundled by esbuild into one
// minified classic script, exported as a string. The page loads it (a dynamic import, so pages
// without notebook cells never do) and hands the text to the sandbox frame, which starts it from
// a blob: a same-origin worker file could not be started from the sandbox's opaque origin.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ID = 'virtual:notebook-kernel-source';
const RESOLVED = `\0${ID}`;
/** The kernel's worker entry. */
export const KERNEL_ENTRY = fileURLToPath(new URL('../../lib/notebook/kernel.worker.ts', import.meta.url));

// Parts of sucrase the kernel never uses, replaced in the bundle: option validation (it pulls in
// ts-interface-checker, Apache-2.0, and a table of types; the kernel passes fixed, type-checked
// options) and source maps (cells keep their line numbers without one).
const UNUSED = [
  [/[\\/]sucrase[\\/]dist[\\/]esm[\\/]Options\.js$/, 'export function validateOptions() {}'],
  [/[\\/]sucrase[\\/]dist[\\/]esm[\\/]computeSourceMap\.js$/, 'export default function computeSourceMap() { throw new Error("no source maps in the kernel"); }'],
];
const skipUnusedSucrase = {
  name: 'skip-unused-sucrase',
  setup(b) {
    for (const [filter, contents] of UNUSED) b.onLoad({ filter }, () => ({ contents, loader: 'js' }));
  },
};

/** Bundles the kernel worker: `{ code, inputs }`, inputs being the files it was built from. */
export async function buildKernelSource(entry = KERNEL_ENTRY) {
  return bundleForKernel({ entryPoints: [entry], format: 'iife', plugins: [skipUnusedSucrase] });
}

/**
 * Bundles code the kernel's worker runs (the kernel itself, a lesson library) into one minified
 * script, with `options` (entry, format, plugins) on top: `{ code, inputs }`.
 */
export async function bundleForKernel(options) {
  const result = await build({
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    minify: true,
    // Class and function names as written: a cell that prints a module or a layer's constructor.name sees "Linear", not a minified letter.
    keepNames: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    ...options,
  });
  return { code: result.outputFiles[0].text, inputs: Object.keys(result.metafile.inputs) };
}

/** The Vite plugin; add it to astro.config.mjs's `vite.plugins`. */
export function kernelSource() {
  return {
    name: 'notebook-kernel-source',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const { code, inputs } = await buildKernelSource();
      for (const file of inputs) this.addWatchFile(file);
      return `export default ${JSON.stringify(code)};`;
    },
  };
}
