/**
 * Checks on untrusted JSON that say where, what was expected and what was found:
 * "cells[3].cell_type: expected 'code', 'markdown' or 'raw', got 'foo'". A failed check throws a
 * JsonRefusal; the caller catches it once, at the top, and reports its message.
 */

/** A JSON value that is not what was expected. */
export class JsonRefusal extends Error {
  /** Where in the document: "cells[3].cell_type" ("" for the whole document). */
  readonly path: string;

  constructor(path: string, problem: string) {
    super(`${path || 'The file'}: ${problem}`);
    this.name = 'JsonRefusal';
    this.path = path;
  }
}

const count = (n: number): string => n.toLocaleString('en-US');

/** A short description of a JSON value for a message: 'foo', 42, null, a list of 3 items, an object. */
export function describeJson(v: unknown): string {
  if (v === undefined) return 'nothing (the key is missing)';
  if (v === null) return 'null';
  if (typeof v === 'string') return v.length > 40 ? `'${v.slice(0, 40)}…' (${count(v.length)} characters)` : `'${v}'`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : `a list of ${count(v.length)} item${v.length === 1 ? '' : 's'}`;
  return typeof v === 'object' ? 'an object' : typeof v;
}

/** Throws: at `path`, expected `expected`, got (a description of) `got`. */
export function refuse(path: string, expected: string, got: unknown): never {
  throw new JsonRefusal(path, `expected ${expected}, got ${describeJson(got)}`);
}

/** The path of `key` inside `path`: "cells" + 3 → "cells[3]", "cells[3]" + "source" → "cells[3].source". */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** Quotes and lists names: 'a', 'b' or 'c'. */
export function oneOf(names: readonly string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** `v` as an object with string keys, or a refusal. */
export function objectAt(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) refuse(path, 'an object', v);
  return v as Record<string, unknown>;
}

/** `v` as a list of at most `max` items, or a refusal. */
export function listAt(v: unknown, path: string, max: number): readonly unknown[] {
  if (!Array.isArray(v)) refuse(path, 'a list', v);
  if (v.length > max) throw new JsonRefusal(path, `expected at most ${count(max)} items, got ${count(v.length)}`);
  return v;
}

/** `v` as a string of at most `max` characters, or a refusal. */
export function stringAt(v: unknown, path: string, max: number): string {
  if (typeof v !== 'string') refuse(path, 'a string', v);
  if (v.length > max) throw new JsonRefusal(path, `expected at most ${count(max)} characters, got ${count(v.length)}`);
  return v;
}

/** `v` as a whole number ≥ `min`, or a refusal. */
export function integerAt(v: unknown, path: string, min: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) refuse(path, `a whole number of at least ${min}`, v);
  return v;
}

/**
 * nbformat's "multiline string": a string, or a list of strings to join (each usually a line
 * ending in "\n"). At most `max` characters in all.
 */
export function multilineAt(v: unknown, path: string, max: number): string {
  if (typeof v === 'string') return stringAt(v, path, max);
  if (!Array.isArray(v)) refuse(path, 'a string or a list of strings', v);
  let total = 0;
  v.forEach((line, i) => {
    if (typeof line !== 'string') refuse(at(path, i), 'a string', line);
    total += line.length;
  });
  if (total > max) throw new JsonRefusal(path, `expected at most ${count(max)} characters, got ${count(total)}`);
  return (v as string[]).join('');
}

/** Refuses a key of `obj` that is not in `allowed` (nbformat's additionalProperties: false). */
export function onlyKeys(obj: Record<string, unknown>, path: string, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) throw new JsonRefusal(path, `unexpected key '${key}' (${what} has only ${allowed.join(', ')})`);
  }
}

/** Refuses JSON nested deeper than `max` lists and objects (it could not be written back: JSON.stringify recurses). */
export function checkDepth(v: unknown, path: string, max: number): void {
  // Iterative, so that the check itself cannot overflow the stack.
  const stack: [unknown, number][] = [[v, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= max) throw new JsonRefusal(path, `expected lists and objects nested at most ${max} deep, got deeper`);
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push([child, depth + 1]);
  }
}
