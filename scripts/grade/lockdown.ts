/**
 * Freezes a JavaScript world's built-in objects and their prototypes, so that student code cannot
 * change what the grader's own code or the hidden checks rely on (Array.prototype.filter, Math.sqrt,
 * Error.prepareStackTrace, the engine's Tensor.prototype). Run once in the grading child, on the
 * child's own world (which the engine's objects lead back to) and on each kernel's vm world.
 */

const INTRINSICS = [
  'Object', 'Function', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'Math', 'JSON', 'Reflect', 'Promise',
  'Map', 'Set', 'WeakMap', 'WeakSet', 'Date', 'RegExp', 'Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError',
  'EvalError', 'URIError', 'AggregateError', 'ArrayBuffer', 'DataView', 'Float32Array', 'Float64Array', 'Int8Array', 'Int16Array',
  'Int32Array', 'Uint8Array', 'Uint16Array', 'Uint32Array', 'Uint8ClampedArray', 'BigInt64Array', 'BigUint64Array', 'Atomics', 'Intl',
] as const;

/** Freezes `value`, and its prototype chain if it is a function's prototype, once. */
function freezeDeep(value: unknown, seen: Set<unknown>): void {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return;
  seen.add(value);
  Object.freeze(value);
  if (typeof value === 'function') freezeDeep((value as { prototype?: unknown }).prototype, seen);
  freezeDeep(Object.getPrototypeOf(value), seen);
}

/** Freezes the built-ins of the world whose global object is `global`, and `extra` values (the engine's exports). Mutates them. */
export function lockdown(global: Record<string, unknown>, extra: readonly unknown[] = []): void {
  const seen = new Set<unknown>();
  for (const name of INTRINSICS) freezeDeep(global[name], seen);
  // Iterator prototypes are reachable only from instances: make them with this world's constructors.
  const array = (global['Array'] as ArrayConstructor).of();
  const map = new (global['Map'] as MapConstructor)();
  const set = new (global['Set'] as SetConstructor)();
  const string = (global['String'] as StringConstructor)('');
  for (const iterator of [array[Symbol.iterator](), map[Symbol.iterator](), set[Symbol.iterator](), string[Symbol.iterator]()]) freezeDeep(Object.getPrototypeOf(iterator), seen);
  for (const value of extra) freezeDeep(value, seen);
}
