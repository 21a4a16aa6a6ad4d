/**
 * Values as text for a cell's output, in the style of Node's console.log: `[ 1, 2, 3 ]`,
 * `{ a: 1, b: 'x' }`, `Map(1) { 'k' => 2 }`. A tensor prints as PyTorch prints it, and one with
 * more than 1000 elements (PyTorch elides its middle) gets a line naming its shape.
 */
import { Tensor } from '../engine';
import { SUMMARIZE_ABOVE } from '../engine';

const MAX_DEPTH = 2;
const MAX_ITEMS = 100;
const BREAK_LENGTH = 80;
const COMPACT = 3;

/** The text console.log shows for its arguments: strings as they are, other values inspected, joined by spaces. */
export function formatLogArguments(args: readonly unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
}

/** A tensor's printout, with `# shape [...]` under it when PyTorch's summary hides some elements. */
export function formatTensorWithShape(t: Tensor): string {
  const text = t.toString();
  return t.numel() > SUMMARIZE_ABOVE ? `${text}\n# shape [${t.shape.join(', ')}]` : text;
}

/** A value as Node's util.inspect shows it (depth 2, 100 items per container, strings quoted, line width 80). */
export function inspect(value: unknown): string {
  try {
    return show(value, 0, { seen: new Set(), lastDepth: 0 });
  } catch (e) {
    // A getter or a Proxy that throws: say so rather than fail the cell that printed it.
    return `[value that cannot be shown: ${e instanceof Error ? e.message : String(e)}]`;
  }
}

interface Context {
  readonly seen: Set<object>;
  /** Depth of the object formatted last (Node's ctx.currentDepth), for the "3 innermost levels on one line" rule. */
  lastDepth: number;
}

function show(value: unknown, depth: number, ctx: Context): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return functionLabel(value as (...args: never[]) => unknown);
    default:
      break;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (object instanceof Tensor) return formatTensorWithShape(object);
  if (ctx.seen.has(object)) return '[Circular]';
  if (isError(object)) return `${object.name}: ${object.message}`;
  // Tags, not instanceof: values made by a cell may come from another realm (Node's vm).
  const tag = Object.prototype.toString.call(object);
  if (tag === '[object Date]') return Number.isNaN((object as Date).getTime()) ? 'Invalid Date' : (object as Date).toISOString();
  if (tag === '[object RegExp]') return String(object);
  if (tag === '[object Promise]') return 'Promise { <pending> }';
  const own = customToString(object);
  if (own !== undefined) return own;
  if (depth > MAX_DEPTH) {
    // Like Node, an empty array or object is shown even past the depth limit.
    if (Array.isArray(object)) return object.length === 0 ? '[]' : '[Array]';
    const name = constructorName(object) ?? 'Object';
    if (tag === '[object Object]' && Object.keys(object).length === 0) return name === 'Object' ? '{}' : `${name} {}`;
    return `[${name}]`;
  }
  ctx.seen.add(object);
  ctx.lastDepth = depth;
  try {
    const inner = (v: unknown): string => show(v, depth + 1, ctx);
    if (Array.isArray(object)) return reduce(ctx, depth, '', '[', ']', listItems(object, inner), object);
    if (ArrayBuffer.isView(object) && 'length' in object) {
      const typed = Array.from(object as unknown as ArrayLike<number>);
      return reduce(ctx, depth, `${constructorName(object)}(${typed.length})`, '[', ']', listItems(typed, inner), typed);
    }
    if (tag === '[object Map]') {
      const map = object as Map<unknown, unknown>;
      const items = [...map].slice(0, MAX_ITEMS).map(([k, v]) => `${inner(k)} => ${inner(v)}`);
      return reduce(ctx, depth, `Map(${map.size})`, '{', '}', more(items, map.size));
    }
    if (tag === '[object Set]') {
      const set = object as Set<unknown>;
      return reduce(ctx, depth, `Set(${set.size})`, '{', '}', more([...set].slice(0, MAX_ITEMS).map(inner), set.size));
    }
    const name = constructorName(object);
    const keys = Object.keys(object);
    const entries = keys.map((k) => `${propertyKey(k)}: ${propertyValue(object, k, inner)}`);
    const base = name === undefined || name === 'Object' ? '' : name;
    if (entries.length === 0) return base ? `${base} {}` : '{}';
    return reduce(ctx, depth, base, '{', '}', entries);
  } finally {
    ctx.seen.delete(object);
  }
}

/** An own property as Node shows it: its value, or [Getter], [Setter], [Getter/Setter] (never calling the getter). */
function propertyValue(object: object, key: string, inner: (v: unknown) => string): string {
  const d = Object.getOwnPropertyDescriptor(object, key);
  if (d && !('value' in d)) return d.get && d.set ? '[Getter/Setter]' : d.get ? '[Getter]' : '[Setter]';
  return inner(d?.value);
}

function listItems(items: readonly unknown[], inner: (v: unknown) => string): string[] {
  return more(items.slice(0, MAX_ITEMS).map(inner), items.length);
}

function more(shown: string[], total: number): string[] {
  return total > shown.length ? [...shown, `... ${total - shown.length} more item${total - shown.length === 1 ? '' : 's'}`] : shown;
}

/** Node's reduceToSingleString: one line if it fits and the object is among the three innermost levels, else one entry per line. */
function reduce(ctx: Context, depth: number, base: string, open: string, close: string, entries: string[], array?: readonly unknown[]): string {
  const indentation = 2 * depth;
  if (entries.length === 0) return `${base ? `${base} ` : ''}${open}${close}`;
  let output = entries;
  if (array !== undefined && entries.length > 6) output = groupArrayElements(entries, indentation, array);
  if (ctx.lastDepth - depth < COMPACT && output.length === entries.length) {
    const start = output.length + indentation + open.length + base.length + 10;
    const total = output.reduce((sum, e) => sum + e.length, output.length + start);
    if (total <= BREAK_LENGTH && !base.includes('\n')) {
      const joined = output.join(', ');
      if (!joined.includes('\n')) return `${base ? `${base} ` : ''}${open} ${joined} ${close}`;
    }
  }
  const pad = `\n${' '.repeat(indentation)}`;
  return `${base ? `${base} ` : ''}${open}${pad}  ${output.join(`,${pad}  `)}${pad}${close}`;
}

/** Node's groupArrayElements: many short entries in aligned columns (numbers right-aligned). */
function groupArrayElements(output: readonly string[], indentation: number, value: readonly unknown[]): string[] {
  const hasMore = output.length > MAX_ITEMS;
  const outputLength = hasMore ? output.length - 1 : output.length;
  const separatorSpace = 2;
  const dataLength = output.slice(0, outputLength).map((e) => e.length);
  const totalLength = dataLength.reduce((sum, l) => sum + l + separatorSpace, 0);
  const maxLength = Math.max(...dataLength);
  const actualMax = maxLength + separatorSpace;
  if (!(actualMax * 3 + indentation < BREAK_LENGTH && (totalLength / actualMax > 5 || maxLength <= 6))) return [...output];
  const averageBias = Math.sqrt(actualMax - totalLength / output.length);
  const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
  const columns = Math.min(Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax), Math.floor((BREAK_LENGTH - indentation) / actualMax), COMPACT * 4, 15);
  if (columns <= 1) return [...output];
  const maxLineLength: number[] = [];
  for (let i = 0; i < columns; i++) {
    let lineLength = 0;
    for (let j = i; j < output.length; j += columns) lineLength = Math.max(lineLength, dataLength[j] ?? 0);
    maxLineLength.push(lineLength + separatorSpace);
  }
  const numeric = value.slice(0, output.length).every((v) => typeof v === 'number' || typeof v === 'bigint');
  const lines: string[] = [];
  for (let i = 0; i < outputLength; i += columns) {
    const max = Math.min(i + columns, outputLength);
    let line = '';
    let j = i;
    for (; j < max - 1; j++) {
      const cell = `${output[j]}, `;
      line += numeric ? cell.padStart(maxLineLength[j - i]!) : cell.padEnd(maxLineLength[j - i]!);
    }
    line += numeric ? output[j]!.padStart(maxLineLength[j - i]! - separatorSpace) : output[j]!;
    lines.push(line);
  }
  if (hasMore) lines.push(output[outputLength]!);
  return lines;
}

/** Node's choice of quotes: single, else double if the string has single quotes, else a backtick. */
function quote(s: string): string {
  let q = "'";
  if (s.includes("'")) {
    if (!s.includes('"')) q = '"';
    else if (!s.includes('`') && !s.includes('${')) q = '`';
  }
  const escaped = s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  return q + (q === "'" ? escaped.replace(/'/g, "\\'") : escaped) + q;
}

function propertyKey(k: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k);
}

function functionLabel(f: (...args: never[]) => unknown): string {
  const source = Function.prototype.toString.call(f);
  const name = f.name.endsWith('$nb') ? f.name.slice(0, -3) : f.name;
  if (source.startsWith('class')) return `[class ${name || '(anonymous)'}]`;
  return name ? `[Function: ${name}]` : '[Function (anonymous)]';
}

function constructorName(object: object): string | undefined {
  const proto = Object.getPrototypeOf(object) as { constructor?: { name?: unknown } } | null;
  if (proto === null) return '[Object: null prototype]';
  const name = proto.constructor?.name;
  return typeof name === 'string' ? name : undefined;
}

/** The result of a toString the object's class defines itself (not Object's), as a REPL would show it. */
function customToString(object: object): string | undefined {
  const tag = Object.prototype.toString.call(object);
  if (Array.isArray(object) || ArrayBuffer.isView(object) || tag === '[object Map]' || tag === '[object Set]') return undefined;
  for (let p = Object.getPrototypeOf(object) as object | null; p !== null; p = Object.getPrototypeOf(p) as object | null) {
    if (Object.getPrototypeOf(p) === null) return undefined; // reached Object.prototype (of any realm)
    if (Object.prototype.hasOwnProperty.call(p, 'toString')) {
      const text = (object as { toString(): unknown }).toString();
      return typeof text === 'string' ? text : undefined;
    }
  }
  return undefined;
}

function isError(object: object): object is Error {
  return Object.prototype.toString.call(object) === '[object Error]';
}
