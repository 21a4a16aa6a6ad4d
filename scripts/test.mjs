// `npm test`: type checks, unit tests, the site's build, then the end-to-end tests, one after
// another; stops at the first that fails, and prints the time each phase took (the README states
// the budget). Arguments are passed on to `playwright test`.
import { e2ePhases } from './e2e-phases.mjs';
import { ensureBrowser } from './ensure-browser.mjs';
import { runPhases } from './phases.mjs';

// First, so that a machine without a browser learns it in seconds rather than after the unit tests.
const browserEnv = ensureBrowser();
runPhases([
  { name: 'check', command: 'npm', args: ['run', '-s', 'check'] },
  { name: 'unit', command: 'npm', args: ['run', '-s', 'test:unit'] },
  ...e2ePhases(browserEnv, process.argv.slice(2)),
]);
