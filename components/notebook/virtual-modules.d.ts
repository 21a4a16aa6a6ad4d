/** The notebook kernel's worker, bundled to one script at build time (site/build/kernel-source.mjs). */
declare module 'virtual:notebook-kernel-source' {
  const source: string;
  export default source;
}
