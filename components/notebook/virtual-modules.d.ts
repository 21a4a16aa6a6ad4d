/** The notebook kernel's worker, bundled to one script at build time (site/build/kernel-source.mjs). */
declare module 'virtual:notebook-kernel-source' {
  const source: string;
  export default source;
}

/** The editor's completions, generated from lib/engine's types at build time (site/build/completions.mjs). */
declare module 'virtual:notebook-completions' {
  const data: import('./completion-source').CompletionData;
  export default data;
}

/** Loaders of the lesson libraries' bundles and completions, by name (site/build/cell-libraries.mjs). */
declare module 'virtual:notebook-libraries' {
  const loaders: import('./completion-source').LibraryLoaders;
  export default loaders;
}
