/** Chromium flags for tests: no background traffic to hosts a closed network refuses. */
export const BROWSER_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
