/**
 * Evaluates the expressions of pasted PyTorch code: numbers and arithmetic, names bound earlier,
 * tuples and lists, and calls: layers (checked argument by argument against the schema),
 * nn.Sequential (as code, or as print(model) writes it, with `(0): ` children), OrderedDict,
 * nn.ModuleList, modules of other classes as print(model) shows them, and torch.randn(N, C, H, W).
 */
import { MAX_LAYERS } from './limits';
import type { CallArg, CallExpr, Expr } from './python/parse';
import { SourceError, type Span } from './python/tokenize';
import { argSpecs, INPUT_LIMITS, isLayerType, LAYER_TYPES, layerFromRecord, type ArgSpec, type ArgValue, type Layer, type LayerType } from './schema';
import { chainOf, describeValue, EvalError, isStructured, Reported, type Chain, type Child, type Module, type Stop, type Value } from './import-values';
import type { PythonValue } from '../../common';
import { coerceArg, sameArg } from './values';

interface Binding {
  readonly value: Value;
  used: boolean;
}

/** What the evaluator asks of the code around it: pasted classes, called by name. */
export interface EvalHooks {
  /** The value of `Name(...)` when Name is a class defined in the pasted code, else undefined. */
  instantiate?(name: string, call: CallExpr, caller: Evaluator): Value | undefined;
}

const MODULE_PREFIXES = new Set(['', 'nn', 'torch.nn']);
const TENSOR_MAKERS = new Set(['randn', 'rand', 'zeros', 'ones', 'empty']);
const CONSTANTS: Record<string, PythonValue> = { True: { kind: 'bool', value: true }, False: { kind: 'bool', value: false }, None: { kind: 'none' } };
const CONTAINERS = new Set(['ModuleList', 'ModuleDict']);
/** torchvision classes that are nn.Sequential underneath (their forward() is the chain of their children). */
const SEQUENTIAL_SUBCLASSES = new Set(['Conv2dNormActivation', 'ConvNormActivation', 'ConvBNReLU', 'ConvBNActivation']);
/** torch dtypes and the bytes of one number in them. */
const FLOAT_BYTES: Record<string, number> = { float64: 8, double: 8, float32: 4, float: 4, float16: 2, half: 2, bfloat16: 2, complex64: 8, complex128: 16, cfloat: 8, cdouble: 16 };
const INTEGER_DTYPES = new Set(['int8', 'int16', 'int32', 'int64', 'uint8', 'int', 'long', 'short', 'bool']);

/** The message for a chain that reaches a module whose forward() print(model) does not show. */
export function customModuleStop(module: Module, path: string): Stop {
  const known =
    module.className === 'BasicBlock' || module.className === 'Bottleneck'
      ? ` torchvision’s ${module.className} adds its input back to its output (a residual connection)${module.children.some((c) => c.key === 'downsample') ? ', and its downsample branch runs beside the main path, not after it' : ''}.`
      : ' Such a block may add its input back to its output (a residual connection, as ResNet’s BasicBlock does) or run branches side by side.';
  return {
    message: `${path ? `${path} is a ${module.className},` : `${module.className} is`} a module with its own forward(), which the pasted text does not show.${known} A chain of layers cannot express that, so the calculator stops here; it follows nn.Sequential and single layers.`,
    span: module.span,
  };
}

/** Evaluates expressions; reports problems into `problems` and remarks into `notes`. */
export class Evaluator {
  readonly #env = new Map<string, Binding>();
  readonly #notes = new Set<string>();
  readonly #path: string[] = [];
  /** Reports into `problems`; `parent` is the scope around this one (module level, for a class). */
  constructor(
    private readonly problems: SourceError[],
    private readonly source: string,
    private readonly hooks: EvalHooks = {},
    private readonly parent: Evaluator | null = null,
  ) {}

  /** Remarks gathered while reading, each once. */
  get notes(): string[] {
    return [...this.#notes];
  }

  /** Adds a remark (once). */
  note(text: string): void {
    this.#notes.add(text);
  }

  /** Binds a name (an assignment, or a parameter of __init__). */
  bind(name: string, value: Value): void {
    this.#env.set(name, { value, used: false });
  }

  /** The binding of a name in this scope or the ones around it (`used` says whether a later statement used it). */
  bindingOf(name: string): Binding | null {
    return this.#env.get(name) ?? this.parent?.bindingOf(name) ?? null;
  }

  /** Evaluates an expression; reports its problem and returns undefined if it has one. */
  tryValue(expr: Expr): Value | undefined {
    return this.guard(() => this.evaluate(expr));
  }

  /** The value of an expression; throws a SourceError if it has none. */
  value(expr: Expr): Value {
    return this.evaluate(expr);
  }

  /** The source text of a span (for notes that quote the code). */
  text(span: Span): string {
    return this.source.slice(span.offset, span.offset + span.length);
  }

  /** Runs `f`; on a problem, reports it (unless it was reported already) and returns undefined. */
  guard<T>(f: () => T): T | undefined {
    try {
      return f();
    } catch (error) {
      if (error instanceof SourceError) this.problems.push(error);
      else if (!(error instanceof Reported)) throw error;
      return undefined;
    }
  }

  private evaluate(expr: Expr): Value {
    switch (expr.type) {
      case 'number':
        return { kind: 'number', value: expr.value, isInt: expr.isInt };
      case 'string':
        return { kind: 'string', value: expr.value };
      case 'name':
        return this.name(expr.parts, expr.span);
      case 'unary': {
        const v = this.number(expr.operand, `${expr.op}`);
        return expr.op === '-' ? { ...v, value: -v.value } : v;
      }
      case 'binary':
        return this.arithmetic(expr.op, this.number(expr.left, expr.op), this.number(expr.right, expr.op), expr.span);
      case 'tuple':
        return this.sequence(expr.items);
      case 'call':
        return this.call(expr);
    }
  }

  private name(parts: readonly string[], span: Span): Value {
    const name = parts.join('.');
    const constant = CONSTANTS[name];
    if (constant) return constant;
    const binding = this.bindingOf(name);
    if (binding) {
      binding.used = true;
      if (binding.value.kind === 'param') {
        const { owner } = binding.value;
        throw new EvalError(`${name} is a parameter of ${owner} without a default value, so the pasted code does not say what it is: give it a default in the def line (${name}=...)`, span);
      }
      return binding.value;
    }
    if (parts.length === 1) {
      throw new EvalError(`${name} is not defined here: write its value (for example 10), or define it above with ${name} = 10`, span);
    }
    throw new EvalError(`${name} cannot be used here; write the number or layer it stands for`, span);
  }

  private number(expr: Expr, op: string): Extract<PythonValue, { kind: 'number' }> {
    const v = this.evaluate(expr);
    if (v.kind !== 'number') throw new EvalError(`“${op}” needs numbers on both sides, got ${describeValue(v)}`, expr.span);
    return v;
  }

  private arithmetic(op: string, a: Extract<PythonValue, { kind: 'number' }>, b: Extract<PythonValue, { kind: 'number' }>, span: Span): PythonValue {
    const isInt = a.isInt && b.isInt;
    const n = (value: number, int = isInt): PythonValue => ({ kind: 'number', value, isInt: int });
    if ((op === '/' || op === '//' || op === '%') && b.value === 0) throw new EvalError('division by zero', span);
    switch (op) {
      case '+':
        return n(a.value + b.value);
      case '-':
        return n(a.value - b.value);
      case '*':
        return n(a.value * b.value);
      case '/':
        return n(a.value / b.value, false);
      case '//':
        return n(Math.floor(a.value / b.value));
      case '%':
        return n(a.value - b.value * Math.floor(a.value / b.value));
      default:
        return n(a.value ** b.value, isInt && b.value >= 0);
    }
  }

  /** A tuple or list: of plain values, of layers (a list of layers), or of (name, layer) pairs. */
  private sequence(items: readonly Expr[]): Value {
    const values = items.map((item) => this.evaluate(item));
    if (values.length > 0 && values.every((v) => v.kind === 'layers' || v.kind === 'module')) {
      return this.chainOfChildren(values.map((value, i) => ({ key: String(i), value: value as Chain | Module, span: items[i]!.span })));
    }
    const plain: PythonValue[] = [];
    values.forEach((v, i) => {
      if (isStructured(v)) throw new EvalError(`a sequence cannot mix layers and other values`, items[i]!.span);
      plain.push(v);
    });
    return { kind: 'tuple', items: plain };
  }

  private call(call: CallExpr): Value {
    const parts = call.callee.parts;
    const last = parts.at(-1)!;
    const prefix = parts.slice(0, -1).join('.');
    const name = parts.join('.');
    if (MODULE_PREFIXES.has(prefix) && last === 'Sequential') return this.sequential(call);
    if (SEQUENTIAL_SUBCLASSES.has(last) && call.args.every((a) => a.child !== undefined)) {
      this.note(`${last} is an nn.Sequential in torchvision: its children were read as a chain.`);
      return this.sequential(call);
    }
    if ((prefix === '' || prefix === 'collections') && last === 'OrderedDict') return this.orderedDict(call);
    if (prefix === 'torch' && TENSOR_MAKERS.has(last)) return this.inputTensor(call);
    if (MODULE_PREFIXES.has(prefix) && isLayerType(last) && !call.args.some((a) => a.child !== undefined)) return chainOf([this.layer(last, call)]);
    const pasted = prefix === '' ? this.hooks.instantiate?.(last, call, this) : undefined;
    if (pasted !== undefined) return pasted;
    if ((MODULE_PREFIXES.has(prefix) && CONTAINERS.has(last)) || (call.args.length > 0 && call.args.every((a) => a.child !== undefined))) return this.module(last, call);
    if (parts.length === 2 && parts[0] === 'self') {
      throw new EvalError(`${name}(...) calls a method of the pasted class, which the calculator does not run: it reads layers built in __init__ itself`, call.callee.span);
    }
    if (parts.includes('functional') || prefix === 'F') {
      throw new EvalError(`${name} is a function, not a layer; inside nn.Sequential use the layer, such as nn.ReLU()`, call.callee.span);
    }
    if (MODULE_PREFIXES.has(prefix) && /^[A-Z]/.test(last)) {
      throw new EvalError(`${prefix ? `${prefix}.` : ''}${last} is not supported here. Supported layers: ${LAYER_TYPES.join(', ')}`, call.callee.span);
    }
    throw new EvalError(`${name}(...) is not a layer this calculator knows`, call.callee.span);
  }

  /** The value of one argument of a container: a child is evaluated under its key (for messages). */
  private childValue(arg: CallArg, index: number): Value | undefined {
    this.#path.push(arg.child ?? String(index));
    try {
      return this.guard(() => this.evaluate(arg.value));
    } finally {
      this.#path.pop();
    }
  }

  /** The path of the child being read, such as `layer1.0`. */
  private pathTo(key: string): string {
    return [...this.#path, key].join('.');
  }

  private sequential(call: CallExpr): Chain {
    const children: Child[] = [];
    for (const [i, arg] of call.args.entries()) {
      if (arg.name !== null) throw new EvalError(`nn.Sequential takes layers, not keyword arguments (${arg.name}=...)`, arg.nameSpan ?? arg.value.span);
      const v = this.childValue(arg, i);
      if (v === undefined) continue;
      if (v.kind === 'ordered') {
        if (call.args.length > 1) throw new EvalError('nn.Sequential takes either one OrderedDict or layers, not both', arg.value.span);
        return chainOf(v.layers);
      }
      if (v.kind !== 'layers' && v.kind !== 'module') throw new EvalError(`nn.Sequential takes layers, got ${describeValue(v)}`, arg.value.span);
      const key = arg.child ?? String(i);
      for (let r = 0; r < (arg.repeat ?? 1); r += 1) children.push({ key, value: v, span: arg.value.span });
    }
    return this.chainOfChildren(children);
  }

  /**
   * The children of a Sequential (or a list of layers) one after another. A child that is a
   * module with a forward() of its own, or a chain that stopped, ends the chain there.
   */
  private chainOfChildren(children: readonly Child[]): Chain {
    const layers: Layer[] = [];
    for (const child of children) {
      if (child.value.kind === 'module') return { kind: 'layers', layers, stop: customModuleStop(child.value, this.pathTo(child.key)) };
      layers.push(...child.value.layers);
      if (layers.length > MAX_LAYERS) throw tooManyLayers(layers.length, child.span);
      if (child.value.stop) return { kind: 'layers', layers, stop: child.value.stop };
    }
    return chainOf(layers);
  }

  /** A module of another class, as print(model) shows it, or nn.ModuleList([...]) in code. */
  private module(className: string, call: CallExpr): Module {
    const children: Child[] = [];
    const list = call.args.length === 1 && call.args[0]!.child === undefined ? call.args[0]!.value : null;
    const args: readonly CallArg[] = list?.type === 'tuple' ? list.items.map((value) => ({ name: null, nameSpan: null, value })) : call.args;
    for (const [i, arg] of args.entries()) {
      const v = this.childValue(arg, i);
      if (v === undefined) continue;
      if (v.kind !== 'layers' && v.kind !== 'module') throw new EvalError(`${className} holds modules, got ${describeValue(v)}`, arg.value.span);
      for (let r = 0; r < (arg.repeat ?? 1); r += 1) children.push({ key: arg.child ?? String(i), value: v, span: arg.value.span });
    }
    return { kind: 'module', className, children, span: call.span };
  }

  private orderedDict(call: CallExpr): Value {
    const [arg] = call.args;
    const list = arg?.value;
    if (call.args.length !== 1 || list?.type !== 'tuple') {
      throw new EvalError("OrderedDict needs one list of (name, layer) pairs, such as OrderedDict([('conv1', nn.Conv2d(1, 6, 5))])", call.span);
    }
    const layers: Layer[] = [];
    const names: string[] = [];
    for (const item of list.items) {
      const pair = item.type === 'tuple' && item.items.length === 2 ? item.items : null;
      const name = pair?.[0]?.type === 'string' ? pair[0].value : null;
      if (pair === null || name === null) throw new EvalError("each entry of the OrderedDict must be a pair ('name', layer)", item.span);
      const v = this.guard(() => this.evaluate(pair[1]!));
      if (v === undefined) continue;
      if (v.kind !== 'layers' || v.stop) throw new EvalError(`the entry ${name} must be a layer, got ${describeValue(v)}`, pair[1]!.span);
      layers.push(...v.layers);
      if (layers.length > MAX_LAYERS) throw tooManyLayers(layers.length, item.span);
      names.push(name);
    }
    if (names.length > 0) this.note(`The layer names of the OrderedDict (${names.slice(0, 4).join(', ')}${names.length > 4 ? ', …' : ''}) are not kept.`);
    return { kind: 'ordered', layers, names };
  }

  private inputTensor(call: CallExpr): Value {
    const sizes: { value: number; span: Span }[] = [];
    for (const arg of call.args) {
      if (arg.name !== null) continue; // device=..., dtype=..., requires_grad=... do not change the shape
      const v = this.evaluate(arg.value);
      const items = v.kind === 'tuple' ? v.items : [v];
      for (const item of items) {
        if (item.kind !== 'number' || !item.isInt) throw new EvalError(`a tensor size must be a whole number, got ${describeValue(item)}`, arg.value.span);
        sizes.push({ value: item.value, span: arg.value.span });
      }
    }
    const shape = sizes.length === 3 ? [1, ...sizes.map((s) => s.value)] : sizes.map((s) => s.value);
    if (shape.length !== 4) throw new EvalError(`the input must have the shape (N, C, H, W), got ${sizes.length} sizes`, call.span);
    if (sizes.length === 3) this.note('The input tensor has no batch dimension; using N = 1.');
    const names = ['batch', 'channels', 'height', 'width'] as const;
    const input: Record<(typeof names)[number], number> = { batch: 1, channels: 1, height: 1, width: 1 };
    names.forEach((name, i) => {
      const value = shape[i]!;
      const { min, max } = INPUT_LIMITS[name];
      const span = sizes[sizes.length === 3 ? i - 1 : i]?.span ?? call.span;
      if (value < min || value > max) {
        throw new EvalError(`the calculator takes ${name === 'batch' ? 'a batch size N' : `a ${name === 'channels' ? 'channel count' : name}`} from ${min} to ${max.toLocaleString('en-US')} (its own limit), got ${value}`, span);
      }
      input[name] = value;
    });
    return { kind: 'input', input };
  }

  /** Builds one layer from a call, checking every argument against the layer's schema. */
  layer(type: LayerType, call: CallExpr): Layer {
    const specs = argSpecs(type);
    const given = new Map<string, Expr>();
    let failed = false;
    const report = (error: SourceError): void => {
      this.problems.push(error);
      failed = true;
    };
    call.args.forEach((arg, i) => {
      if (arg.name === null) {
        const spec = specs[i];
        if (spec === undefined) {
          return report(new EvalError(`nn.${type} takes at most ${specs.length} arguments (${specs.map((s) => s.name).join(', ')}), got ${call.args.length}`, arg.value.span));
        }
        given.set(spec.name, arg.value);
        return undefined;
      }
      if (!specs.some((s) => s.name === arg.name)) {
        const suggestion = closest(arg.name, specs.map((s) => s.name));
        const hint = suggestion ? `; did you mean ${suggestion}?` : specs.length > 0 ? `; its arguments are ${specs.map((s) => s.name).join(', ')}` : '; it takes none';
        return report(new EvalError(`nn.${type} has no argument named ${arg.name}${hint}`, arg.nameSpan ?? arg.value.span));
      }
      if (given.has(arg.name)) return report(new EvalError(`nn.${type} got two values for ${arg.name}`, arg.nameSpan ?? arg.value.span));
      given.set(arg.name, arg.value);
      return undefined;
    });

    const args: Record<string, ArgValue> = {};
    const missing: string[] = [];
    for (const spec of specs) {
      const expr = given.get(spec.name);
      if (expr === undefined) {
        if (spec.default === undefined) missing.push(spec.name);
        else if (spec.fixed === undefined && spec.ignored === undefined) args[spec.name] = spec.default;
        continue;
      }
      if (spec.ignored !== undefined) {
        const problem = this.ignoredArgument(type, spec.ignored, expr);
        if (problem) report(problem);
        continue;
      }
      const value = this.guard(() => this.argumentValue(spec, expr));
      if (value === undefined) {
        failed = true;
        continue;
      }
      if (isStructured(value)) {
        report(new EvalError(`${spec.name} must be ${spec.kind === 'bool' ? 'True or False' : 'a number or a tuple'}, got ${describeValue(value)}`, expr.span));
        continue;
      }
      const coerced = coerceArg(spec, value);
      if (!coerced.ok) report(new EvalError(`nn.${type}: ${coerced.message}`, expr.span));
      else if (spec.fixed !== undefined && !sameArg(coerced.value, spec.default)) report(new EvalError(`nn.${type}: ${spec.fixed}`, expr.span));
      else if (spec.fixed === undefined) args[spec.name] = coerced.value;
    }
    if (missing.length > 0) {
      report(new EvalError(`nn.${type} needs ${missing.length === 1 ? 'the argument' : 'the arguments'} ${missing.join(' and ')}`, call.span));
    }
    if (failed) throw new Reported();
    this.noteHiddenArguments(type, call);
    return layerFromRecord(type, args);
  }

  /**
   * An argument's value. A bare word where a string is expected is read as that string:
   * print(model) writes padding=same and padding_mode=reflect without quotes.
   */
  private argumentValue(spec: ArgSpec, expr: Expr): Value {
    const acceptsWords = spec.kind === 'padding' || spec.kind === 'choice';
    if (acceptsWords && expr.type === 'name' && expr.parts.length === 1 && this.bindingOf(expr.parts[0]!) === null && !Object.hasOwn(CONSTANTS, expr.parts[0]!)) {
      return { kind: 'string', value: expr.parts[0]! };
    }
    return this.evaluate(expr);
  }

  /** device= and dtype=: they change neither shapes nor counts, so they are noted, not stored. */
  private ignoredArgument(type: LayerType, what: 'device' | 'dtype', expr: Expr): SourceError | null {
    const code = this.text(expr.span);
    if (what === 'device') {
      this.note(`device=${code} is left out: where the parameters live changes no shape or count, and the copied code runs on the CPU.`);
      return null;
    }
    const dtype = expr.type === 'name' && expr.parts.length === 2 && expr.parts[0] === 'torch' ? expr.parts[1]! : null;
    if (dtype !== null && INTEGER_DTYPES.has(dtype)) {
      return new EvalError(`nn.${type}: dtype=${code} cannot hold trainable parameters; PyTorch 1.13 refuses it (“Only Tensors of floating point and complex dtype can require gradients”)`, expr.span);
    }
    const bytes = dtype !== null ? FLOAT_BYTES[dtype] : undefined;
    const size = bytes === undefined ? 'a different number of bytes' : `${bytes} bytes`;
    this.note(
      `dtype=${code} is left out: the table counts memory in float32, 4 bytes a number; in ${dtype ?? 'that dtype'} each number takes ${size}. Shapes and parameter counts are the same.${bytes === 4 ? '' : ' The input would need the same dtype.'}`,
    );
    return null;
  }

  /** print(model) leaves out some arguments of pooling layers; say that their defaults are assumed. */
  private noteHiddenArguments(type: LayerType, call: CallExpr): void {
    const keywords = call.args.map((a) => a.name);
    const printed = call.args.every((a) => a.name !== null);
    if (type === 'AvgPool2d' && printed && keywords.join() === 'kernel_size,stride,padding') {
      this.note('print(model) does not show an AvgPool2d’s ceil_mode, count_include_pad or divisor_override: their defaults (False, True, None) are assumed. If the model sets ceil_mode=True, the sizes after that layer differ.');
    }
  }
}

/** The calculator's layer limit, as a problem at `span`. */
export function tooManyLayers(count: number, span: Span): EvalError {
  return new EvalError(
    `this code has more than ${MAX_LAYERS} layers (${count} so far); the calculator takes at most ${MAX_LAYERS} (its own limit, so that the table stays readable and a link to the stack stays short)`,
    span,
  );
}

/** The candidate nearest to `word` by edit distance, if it is close (a likely typo). */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) (best = c), (bestDistance = d);
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
