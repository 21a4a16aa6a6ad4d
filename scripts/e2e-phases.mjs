// The end-to-end phases of `npm test` and `npm run test:e2e`: build the site (`npm run build`: Astro,
// then the search index), then run Playwright.

/**
 * Builds the site (unless `build` is false), then runs Playwright against it with `args`, in the
 * browser that `browserEnv` names (see ensure-browser.mjs).
 */
export function e2ePhases(browserEnv, args = [], { build = true } = {}) {
  return [
    ...(build ? [{ name: 'e2e build', command: 'npm', args: ['run', '-s', 'build'] }] : []),
    { name: 'e2e run', command: 'npx', args: ['playwright', 'test', ...args], env: browserEnv },
  ];
}
