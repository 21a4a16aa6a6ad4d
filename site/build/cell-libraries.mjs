// Lesson libraries for code cells (lib/notebook/libraries.ts): each library in CELL_LIBRARIES is
// bundled from lib/course/<name>/cell-library.ts into one CommonJS script with the engine left
// out (the kernel gives it its own engine), and its exports' completions are read from the types.
// Vite modules, each a chunk of its own so that only a page whose cells ask for a library loads it:
//   virtual:notebook-libraries                      { [name]: { source(), completions() } } (loaders)
//   virtual:notebook-library/<name>                 the bundle, as a string
//   virtual:notebook-library-completions/<name>     { global, entries, namespaces }
import { fileURLToPath } from 'node:url';
import { CELL_LIBRARIES } from '../../lib/notebook/library-names.ts';
import { buildModuleCompletions } from './completions.mjs';
import { bundleForKernel } from './kernel-source.mjs';

const MAP_ID = 'virtual:notebook-libraries';
const SOURCE_PREFIX = 'virtual:notebook-library/';
const COMPLETIONS_PREFIX = 'virtual:notebook-library-completions/';
/** The specifier the bundle requires the engine by (ENGINE_SPECIFIER in lib/notebook/libraries.ts). */
const ENGINE_SPECIFIER = 'neural-notebook:engine';
const ENGINE_DIR = fileURLToPath(new URL('../../lib/engine/', import.meta.url));
const ENGINE_INDEX = `${ENGINE_DIR}index.ts`;

/** The entry file of library `name`. */
export function libraryEntry(name) {
  if (!Object.hasOwn(CELL_LIBRARIES, name)) throw new Error(`cell libraries: expected one of ${Object.keys(CELL_LIBRARIES).join(', ')}, got "${name}"`);
  return fileURLToPath(new URL(`../../lib/course/${name}/cell-library.ts`, import.meta.url));
}

// The engine's index becomes a require() the kernel answers; any other engine file would be a second copy of its classes.
const engineFromKernel = {
  name: 'engine-from-kernel',
  setup(b) {
    b.onResolve({ filter: /engine/ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const resolved = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'resolving' });
      if (resolved.path === ENGINE_INDEX) return { path: ENGINE_SPECIFIER, external: true };
      if (resolved.path.startsWith(ENGINE_DIR)) return { errors: [{ text: `${args.importer} imports ${args.path}: a lesson library may use the engine only through lib/engine/index.ts` }] };
      return undefined;
    });
  },
};

/** Bundles library `name`: `{ code, inputs }`, inputs being the files it was built from. */
export function buildLibrarySource(name) {
  return bundleForKernel({ entryPoints: [libraryEntry(name)], format: 'cjs', plugins: [engineFromKernel] });
}

/** The completions of library `name`: its global, its exports, and the members of namespaces among them. */
export function buildLibraryCompletions(name) {
  const { global, summary } = CELL_LIBRARIES[name];
  const { entries, namespaces, inputs } = buildModuleCompletions(libraryEntry(name), global);
  return { data: { global, summary, entries, namespaces }, inputs };
}

/** The Vite plugin; add it to astro.config.mjs's `vite.plugins`. */
export function cellLibraries() {
  return {
    name: 'notebook-cell-libraries',
    resolveId(id) {
      return id === MAP_ID || id.startsWith(SOURCE_PREFIX) || id.startsWith(COMPLETIONS_PREFIX) ? `\0${id}` : undefined;
    },
    async load(id) {
      if (!id.startsWith('\0virtual:notebook-librar')) return undefined;
      const bare = id.slice(1);
      if (bare === MAP_ID) {
        const entries = Object.keys(CELL_LIBRARIES).map((name) => {
          const key = JSON.stringify(name);
          return `${key}: { source: () => import(${JSON.stringify(SOURCE_PREFIX + name)}).then((m) => m.default), completions: () => import(${JSON.stringify(COMPLETIONS_PREFIX + name)}).then((m) => m.default) }`;
        });
        return `export default {\n${entries.join(',\n')}\n};`;
      }
      const [prefix, build] = bare.startsWith(SOURCE_PREFIX) ? [SOURCE_PREFIX, buildLibrarySource] : [COMPLETIONS_PREFIX, buildLibraryCompletions];
      const built = await build(bare.slice(prefix.length));
      for (const file of built.inputs) this.addWatchFile(file);
      return `export default ${JSON.stringify(built.code ?? built.data)};`;
    },
  };
}
