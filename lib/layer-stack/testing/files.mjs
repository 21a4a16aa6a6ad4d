// Reads files of the repository for tests (a lesson's text, to check the figures it states).
// Plain JavaScript, typed by files.d.mts, so that lib/ (built without Node's types) can use it.
import { readFileSync } from 'node:fs';

export function readRepoFile(path) {
  return readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
}
