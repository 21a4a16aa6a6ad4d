// `npm run bench`: bundles bench/main.ts with the engine's TypeScript sources (scripts/bundle-ts.mjs)
// and runs it in this Node process.
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { bundleTs } from '../scripts/bundle-ts.mjs';

const outfile = await bundleTs(new URL('./main.ts', import.meta.url), 'neural-notebook-bench');
// Other processes skew every timing: say how busy the machine was (on stderr, so --json stays clean).
const load = () => loadavg()[0].toFixed(1);
process.stderr.write(`load average before: ${load()}\n`);
await import(pathToFileURL(outfile).href);
process.stderr.write(`load average after: ${load()}\n`);
