// `npm run data:dropout-claim`: writes lib/course/dropout/claim-data.ts, the overfitting-and-dropout
// lesson's many-seed evidence: every run of LESSON_CLAIM_GRID (each training size × seed, without
// and with dropout), trained by the claim widget's own job. Bundles scripts/dropout-claim-data.ts
// with esbuild (bundle-ts.mjs) and runs it here; prints how long each run took. Deterministic: run it
// twice and the file is the same. claim-lesson.node.test.ts recomputes one seed's pair at the smallest size.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleTs } from './bundle-ts.mjs';

const outfile = await bundleTs(new URL('./dropout-claim-data.ts', import.meta.url), 'neural-notebook-dropout-claim');
process.env.DROPOUT_CLAIM_OUT = fileURLToPath(new URL('../lib/course/dropout/claim-data.ts', import.meta.url));
await import(pathToFileURL(outfile).href);
