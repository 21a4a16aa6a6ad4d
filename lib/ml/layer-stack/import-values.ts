/**
 * The values the PyTorch importer works with while it reads code: plain Python values, chains of
 * layers (with where the chain could not be followed further), modules that print(model) shows
 * with children of their own, an input tensor, OrderedDict entries, and the parameters of a
 * pasted class's __init__ that have no default.
 */
import type { Span } from './python/tokenize';
import { SourceError } from './python/tokenize';
import type { Layer, StackInput } from './schema';
import { pythonRepr, type PythonValue } from '../../common';

/** Where a chain of layers could not be followed further, and why. */
export interface Stop {
  readonly message: string;
  readonly span: Span;
}

/** Layers in order; `stop` when the code goes on in a way a chain cannot express. */
export interface Chain {
  readonly kind: 'layers';
  readonly layers: readonly Layer[];
  readonly stop?: Stop;
}

/** A child of a printed or pasted module: its key (`features`, `0`) and what it is. */
export interface Child {
  readonly key: string;
  readonly value: Chain | Module;
  readonly span: Span;
}

/** A module other than nn.Sequential with children (AlexNet(...) as print shows it, ModuleList). */
export interface Module {
  readonly kind: 'module';
  readonly className: string;
  readonly children: readonly Child[];
  readonly span: Span;
}

/** A value during evaluation. */
export type Value =
  | PythonValue
  | Chain
  | Module
  | { readonly kind: 'input'; readonly input: StackInput }
  | { readonly kind: 'ordered'; readonly layers: readonly Layer[]; readonly names: readonly string[] }
  | { readonly kind: 'param'; readonly name: string; readonly owner: string };

/** A problem in the code, reported at its place; thrown inside evaluation and caught per statement. */
export class EvalError extends SourceError {}

/** Thrown after a layer's problems have been reported, to drop that layer and go on. */
export class Reported extends Error {}

/** A chain of layers without a stop. */
export const chainOf = (layers: readonly Layer[]): Chain => ({ kind: 'layers', layers });

/** True for values that are not plain Python values. */
export function isStructured(v: Value): v is Exclude<Value, PythonValue> {
  return v.kind === 'layers' || v.kind === 'module' || v.kind === 'input' || v.kind === 'ordered' || v.kind === 'param';
}

/** A value in words, for messages: 3, (3, 3), the layer Conv2d, a tensor. */
export function describeValue(v: Value): string {
  if (v.kind === 'layers') return v.layers.length === 1 ? `the layer ${v.layers[0]!.type}` : 'layers';
  if (v.kind === 'module') return `a ${v.className}`;
  if (v.kind === 'input') return 'a tensor';
  if (v.kind === 'ordered') return 'an OrderedDict';
  if (v.kind === 'param') return `the parameter ${v.name} of ${v.owner}`;
  return pythonRepr(v);
}
