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
