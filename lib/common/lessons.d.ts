/** A lesson's MDX source as text (Vite's ?raw import), for tests that check the figures it states. */
declare module '*.mdx?raw' {
  const text: string;
  export default text;
}
