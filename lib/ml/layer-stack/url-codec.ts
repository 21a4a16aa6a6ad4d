/**
 * A compact, readable encoding of a layer stack for the page address, using only characters that
 * URLSearchParams leaves as they are (letters, digits, - _ .):
 *
 *   conv-1-6-5_tanh_avg-2_conv-6-16-5_tanh_avg-2_flat_fc-400-120_tanh_fc-120-84_tanh_fc-84-10
 *
 * Layers are separated by `_`. Each is its code (schema.ts) followed by its stored arguments in
 * PyTorch's order, separated by `-`; an empty argument means its default, and trailing defaults
 * are dropped. Sizes are `3` or `3x5` (height x width), None is `n`, True and False are `t` and
 * `f`, and a minus sign is written `m` (so `m1` is −1 and `1em05` is 1e-05).
 */
import { parseStrictNumber } from '../../common';
import { LIMIT_TEXT, MAX_LAYERS } from './limits';
import { argsRecord, LAYER_TYPES, LAYERS, layerFromRecord, storedArgSpecs, type ArgValue, type Layer } from './schema';
import type { PythonValue } from '../../common';
import { coerceArg, sameArg } from './values';

const encodeNumber = (n: number): string => String(n).replace(/-/g, 'm');

function encodeArg(value: ArgValue): string {
  if (value === null) return 'n';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return encodeNumber(value);
  if (typeof value === 'string') return value;
  const [h, w] = value;
  const one = (v: number | null): string => (v === null ? 'n' : encodeNumber(v));
  return h === w && h !== null ? one(h) : `${one(h)}x${one(w)}`;
}

/** Encodes a stack for the address. */
export function encodeStack(layers: readonly Layer[]): string {
  return layers
    .map((layer) => {
      const args = argsRecord(layer);
      const fields = storedArgSpecs(layer.type).map((spec) => {
        const value = args[spec.name];
        return value === undefined || (spec.default !== undefined && sameArg(value, spec.default)) ? '' : encodeArg(value);
      });
      while (fields.at(-1) === '') fields.pop();
      return [LAYERS[layer.type].code, ...fields].join('-');
    })
    .join('_');
}

/** A Python value from its address text, for checking with the same rules as pasted code. */
function toPythonValue(text: string): PythonValue | undefined {
  if (text === 'n') return { kind: 'none' };
  if (text === 't' || text === 'f') return { kind: 'bool', value: text === 't' };
  if (text.includes('x')) {
    const items = text.split('x').map(toPythonValue);
    return items.every((i) => i !== undefined) ? { kind: 'tuple', items } : undefined;
  }
  const number = parseStrictNumber(text.replace(/m/g, '-'));
  if (number !== undefined) return { kind: 'number', value: number, isInt: /^m?\d+$/.test(text) };
  return /^[a-z]+$/.test(text) ? { kind: 'string', value: text } : undefined;
}

/** The stack a link describes, or why it cannot be read (which layer and what is wrong). */
export function decodeStack(text: string): { ok: true; layers: Layer[] } | { ok: false; message: string } {
  if (text === '') return { ok: true, layers: [] };
  const items = text.split('_');
  if (items.length > MAX_LAYERS) return { ok: false, message: `it has ${items.length.toLocaleString('en-US')} layers; the calculator takes ${LIMIT_TEXT.layers} (its own limit)` };
  const layers: Layer[] = [];
  for (const [i, item] of items.entries()) {
    const [code = '', ...fields] = item.split('-');
    const where = `layer ${i + 1} (“${item.length > 24 ? `${item.slice(0, 23)}…` : item}”)`;
    const type = LAYER_TYPES.find((t) => LAYERS[t].code === code);
    if (type === undefined) return { ok: false, message: `${where}: unknown layer code “${code}”` };
    const specs = storedArgSpecs(type);
    if (fields.length > specs.length) return { ok: false, message: `${where}: ${type} has ${specs.length} arguments, got ${fields.length}` };
    const args: Record<string, ArgValue> = {};
    for (const [j, spec] of specs.entries()) {
      const field = fields[j] ?? '';
      if (field === '') {
        if (spec.default === undefined) return { ok: false, message: `${where}: ${type} needs ${spec.name}` };
        args[spec.name] = spec.default;
        continue;
      }
      const py = toPythonValue(field);
      const coerced = py === undefined ? { ok: false as const, message: `${spec.name} cannot be read from “${field}”` } : coerceArg(spec, py);
      if (!coerced.ok) return { ok: false, message: `${where}: ${coerced.message}` };
      args[spec.name] = coerced.value;
    }
    layers.push(layerFromRecord(type, args));
  }
  return { ok: true, layers };
}
