// Runs the end-to-end specs against the built site: makes sure there is a Chromium to drive (see
// ensure-browser.mjs), builds the site, runs Playwright, and prints how long the build and the
// run took. Arguments are passed on to `playwright test` (e.g. `npm run test:e2e -- e2e/site.spec.ts`).
// Set E2E_SKIP_BUILD=1 to test the dist/ already built.
import { ensureBrowser } from './ensure-browser.mjs';
import { e2ePhases } from './e2e-phases.mjs';
import { runPhases } from './phases.mjs';

runPhases(e2ePhases(ensureBrowser(), process.argv.slice(2), { build: !process.env.E2E_SKIP_BUILD }));
