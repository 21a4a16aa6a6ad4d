// `npm run data:dropout-claim [-- dropout | shifts]`: writes lib/course/dropout/claim-data.ts (the
// dropout grid) and claim-data-shifts.ts (the shifts grids), the overfitting-and-dropout lesson's
// many-seed evidence: every run of the lesson's grids (each training size × seed, without and with
// run B's remedy), trained by the claim widget's own job. Bundles scripts/dropout-claim-data.ts
// with esbuild (bundle-ts.mjs) and runs it here; prints how long each run took. Deterministic: run it
// twice and the files are the same. claim-lesson.node.test.ts recomputes some runs.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleTs } from './bundle-ts.mjs';

const outfile = await bundleTs(new URL('./dropout-claim-data.ts', import.meta.url), 'neural-notebook-dropout-claim');
process.env.DROPOUT_CLAIM_OUT_DIR = fileURLToPath(new URL('../lib/course/dropout', import.meta.url));
await import(pathToFileURL(outfile).href);
