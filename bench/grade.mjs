// Grading speed: generates 500 hand-ins for the test course (mostly ordinary answers, varied; a few
// slow ones, endless loops, and a few hostile ones: escapes, memory exhaustion, 100 MB of prints,
// malformed files), grades them with all cores (npm run grade's code) and prints files per second.
// Usage: npm run bench:grade [-- count]
// A figure, not an assertion: the machine's load moves it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleGrader } from '../scripts/grade/bundle.mjs';
import { HOSTILE_CODE, SOLUTION, STARTER, handInMaker, writeCourse } from '../scripts/grade/fixtures.mjs';
import { grade } from '../scripts/grade.mjs';

const COUNT = Number(process.argv[2] ?? 500);
const HOSTILE = Object.keys(HOSTILE_CODE);
const SLOPES = ['0.25', '1/4', '0.5', '.25', '25%', '0.2500'];
const INITS = ['xavier', 'he', 'default', 'zeros'];
const CODES = [SOLUTION, STARTER, SOLUTION.replace('gain * Math.sqrt', 'Math.sqrt'), 'throw new Error("todo")'];

const bundleDir = await bundleGrader();
const lib = await import(pathToFileURL(join(bundleDir, 'parent-lib.mjs')).href);
const dir = mkdtempSync(join(tmpdir(), 'bench-grade-'));
const hiddenFile = writeCourse(dir);
const handIn = handInMaker(lib);
let hostile = 0;
for (let i = 0; i < COUNT; i++) {
  const name = `student-${String(i).padStart(4, '0')}`;
  // One in fifty is hostile (an endless loop, an escape, a memory hog...), one in a hundred malformed.
  const kind = i % 100 === 99 ? 'malformed' : i % 50 === 7 ? HOSTILE[hostile++ % HOSTILE.length] : 'ordinary';
  const code = kind === 'ordinary' || kind === 'malformed' ? CODES[i % CODES.length] : HOSTILE_CODE[kind].replace('HIDDEN', hiddenFile);
  const text = await handIn(name, { slope: SLOPES[i % SLOPES.length], init: INITS[(i >> 2) % INITS.length], code });
  writeFileSync(join(dir, 'submissions', `${name}.json`), kind === 'malformed' ? text.slice(0, text.length / 2) : text);
}
const jobs = availableParallelism();
console.log(`Grading ${COUNT} hand-ins (${Math.floor(COUNT / 50)} hostile, ${Math.floor(COUNT / 100)} malformed) with ${jobs} processes at a time...`);
const graded = await grade({ coursePath: join(dir, 'course.yaml'), testsDir: join(dir, 'hidden'), submissionsDir: join(dir, 'submissions'), bundleDir, jobs });
const refused = graded.rows.filter((r) => r.refused).length;
console.log(`${graded.rows.length} files in ${graded.seconds.toFixed(1)} s: ${(graded.rows.length / graded.seconds).toFixed(1)} files/s (${refused} not gradable).`);
rmSync(dir, { recursive: true, force: true });
rmSync(bundleDir, { recursive: true, force: true });
