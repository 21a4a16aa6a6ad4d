/**
 * Reads PyTorch model code as people write it and builds a layer stack:
 *
 * - `nn.Sequential(...)` with the layers as calls, `nn.`, `torch.nn.` or no prefix, positional and
 *   keyword arguments, tuples such as `kernel_size=(3, 3)`, arithmetic such as `256 * 6 * 6`,
 *   comments, trailing commas, several lines;
 * - nested `nn.Sequential`, and `nn.Sequential(OrderedDict([('conv1', nn.Conv2d(...)), ...]))`;
 * - plain variables (`num_classes = 10`), and blocks assigned to names and used later
 *   (`features = nn.Sequential(...)`, then `model = nn.Sequential(features, nn.Flatten(), ...)`);
 * - a bare list of layers (the inside of an nn.Sequential);
 * - `x = torch.randn(N, C, H, W)`, which sets the input; `import` and `print(...)` lines are skipped.
 *
 * Blocks that no later statement uses are joined in order, so pasting torchvision's `features`
 * and `classifier` one after the other gives the whole network. Every problem is reported with
 * its line and column; the stack is returned only when there are none.
 */
import { parseExpression, parseProgram, type CallExpr, type Expr, type Statement } from './python/parse';
import { SourceError, type Span } from './python/tokenize';
import { argSpecs, INPUT_LIMITS, isLayerType, LAYER_TYPES, layerFromRecord, type ArgSpec, type ArgValue, type Layer, type LayerType, type StackInput } from './schema';
import { coerceArg, pyRepr, sameArg, type Coerced, type PyValue } from './values';

/** A problem in the pasted code, with where it is (1-based line and column, and its length). */
export interface ImportProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  readonly length: number;
}

/** What the code defined: the layers (null if there were problems), the input if it set one, remarks. */
export interface ImportResult {
  readonly layers: readonly Layer[] | null;
  readonly input: StackInput | null;
  readonly problems: readonly ImportProblem[];
  readonly notes: readonly string[];
}

/** A value during evaluation: a Python value, some layers, an input tensor, or OrderedDict entries. */
type Value =
  | PyValue
  | { readonly kind: 'layers'; readonly layers: readonly Layer[] }
  | { readonly kind: 'input'; readonly input: StackInput }
  | { readonly kind: 'ordered'; readonly layers: readonly Layer[]; readonly names: readonly string[] };

interface Binding {
  readonly value: Value;
  used: boolean;
}

const MODULE_PREFIXES = new Set(['', 'nn', 'torch.nn']);
const TENSOR_MAKERS = new Set(['randn', 'rand', 'zeros', 'ones', 'empty']);
const CONSTANTS: Record<string, PyValue> = { True: { kind: 'bool', value: true }, False: { kind: 'bool', value: false }, None: { kind: 'none' } };

/** Thrown inside evaluation; caught per statement or per argument so that the rest is still read. */
class EvalError extends SourceError {}

/** Thrown after a layer's problems have been reported, to drop that layer and go on. */
class Reported extends Error {}

/** Reads `source` and returns the stack it defines, or its problems with line and column. */
export function importPyTorch(source: string): ImportResult {
  const program = parseProgram(source);
  const problems: SourceError[] = [...program.errors];
  const evaluator = new Evaluator(problems);
  const blocks: { layers: readonly Layer[]; binding: Binding | null; label: string }[] = [];
  let input: StackInput | null = null;

  for (const statement of program.statements) {
    if (statement.type === 'import') continue;
    const value = evaluator.statementValue(statement);
    if (value === undefined) continue;
    if (value.kind === 'input') input = value.input;
    else if (value.kind === 'layers' || value.kind === 'ordered') {
      const binding = statement.type === 'assign' ? evaluator.bindingOf(statement.target) : null;
      const label = statement.type === 'assign' ? `${statement.target} (line ${statement.span.line})` : `line ${statement.span.line}`;
      blocks.push({ layers: value.layers, binding, label });
    } else if (statement.type === 'expr') {
      problems.push(new SourceError(`this line is the value ${pyRepr(value)}, not a layer`, statement.span));
    }
  }

  const notes = [...evaluator.notes];
  const unused = blocks.filter((b) => !b.binding?.used);
  if (unused.length > 1) notes.push(`Joined ${unused.length} blocks in order: ${unused.map((b) => b.label).join(', ')}.`);
  const layers = unused.flatMap((b) => b.layers);
  if (problems.length === 0 && blocks.length === 0) {
    problems.push(new SourceError('no layers found: paste an nn.Sequential(...) or a list of layers such as nn.Conv2d(3, 16, 3), nn.ReLU()', { line: 1, column: 1, offset: 0, length: 0 }));
  }
  const sorted = problems.map(toProblem).sort((a, b) => a.offset - b.offset);
  return { layers: sorted.length === 0 ? layers : null, input, problems: sorted, notes };
}

/**
 * Reads one argument as typed into the widget's editor, with Python's syntax ("3", "(3, 5)",
 * "None", "'same'", "256 * 6 * 6"); a bare word is taken as a string where a string is expected.
 */
export function readArgument(spec: ArgSpec, text: string): Coerced {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `type a value for ${spec.name}` };
  if ((spec.kind === 'padding' || spec.kind === 'choice') && /^[a-z]+$/.test(trimmed)) return coerceArg(spec, { kind: 'string', value: trimmed });
  const problems: SourceError[] = [];
  try {
    const value = new Evaluator(problems).value(parseExpression(trimmed));
    if (value.kind === 'layers' || value.kind === 'input' || value.kind === 'ordered') return { ok: false, message: `${spec.name} cannot be ${describeValue(value)}` };
    return coerceArg(spec, value);
  } catch (error) {
    if (error instanceof SourceError) return { ok: false, message: error.message };
    throw error;
  }
}

function toProblem(error: SourceError): ImportProblem {
  const { line, column, offset, length } = error.span;
  return { message: error.message, line, column, offset, length };
}

class Evaluator {
  readonly #env = new Map<string, Binding>();
  readonly notes: string[] = [];
  constructor(private readonly problems: SourceError[]) {}

  bindingOf(name: string): Binding | null {
    return this.#env.get(name) ?? null;
  }

  /** Evaluates a statement; reports its problem and returns undefined if it has one. */
  statementValue(statement: Exclude<Statement, { type: 'import' }>): Value | undefined {
    const value = this.guard(() => this.evaluate(statement.value));
    if (value !== undefined && statement.type === 'assign') this.#env.set(statement.target, { value, used: false });
    return value;
  }

  /** The value of an expression; throws a SourceError if it has none. */
  value(expr: Expr): Value {
    return this.evaluate(expr);
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
    const binding = this.#env.get(name);
    if (binding) {
      binding.used = true;
      return binding.value;
    }
    if (parts.length === 1) {
      throw new EvalError(`${name} is not defined here: write its value (for example 10), or define it above with ${name} = 10`, span);
    }
    throw new EvalError(`${name} cannot be used here; write the number or layer it stands for`, span);
  }

  private number(expr: Expr, op: string): Extract<PyValue, { kind: 'number' }> {
    const v = this.evaluate(expr);
    if (v.kind !== 'number') throw new EvalError(`“${op}” needs numbers on both sides, got ${describeValue(v)}`, expr.span);
    return v;
  }

  private arithmetic(op: string, a: Extract<PyValue, { kind: 'number' }>, b: Extract<PyValue, { kind: 'number' }>, span: Span): PyValue {
    const isInt = a.isInt && b.isInt;
    const n = (value: number, int = isInt): PyValue => ({ kind: 'number', value, isInt: int });
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
    if (values.length > 0 && values.every((v) => v.kind === 'layers')) {
      return { kind: 'layers', layers: values.flatMap((v) => (v.kind === 'layers' ? v.layers : [])) };
    }
    const plain: PyValue[] = [];
    values.forEach((v, i) => {
      if (v.kind === 'layers' || v.kind === 'input' || v.kind === 'ordered') {
        throw new EvalError(`a sequence cannot mix layers and other values`, items[i]!.span);
      }
      plain.push(v);
    });
    return { kind: 'tuple', items: plain };
  }

  private call(call: CallExpr): Value {
    const parts = call.callee.parts;
    const last = parts.at(-1)!;
    const prefix = parts.slice(0, -1).join('.');
    if (MODULE_PREFIXES.has(prefix) && last === 'Sequential') return this.sequential(call);
    if ((prefix === '' || prefix === 'collections') && last === 'OrderedDict') return this.orderedDict(call);
    if (prefix === 'torch' && TENSOR_MAKERS.has(last)) return this.inputTensor(call);
    if (MODULE_PREFIXES.has(prefix) && isLayerType(last)) return { kind: 'layers', layers: [this.layer(last, call)] };
    const name = parts.join('.');
    if (parts.includes('functional') || prefix === 'F') {
      throw new EvalError(`${name} is a function, not a layer; inside nn.Sequential use the layer, such as nn.ReLU()`, call.callee.span);
    }
    if (MODULE_PREFIXES.has(prefix) && /^[A-Z]/.test(last)) {
      throw new EvalError(`${prefix ? `${prefix}.` : ''}${last} is not supported here. Supported layers: ${LAYER_TYPES.join(', ')}`, call.callee.span);
    }
    throw new EvalError(`${name}(...) is not a layer this calculator knows`, call.callee.span);
  }

  private sequential(call: CallExpr): Value {
    const layers: Layer[] = [];
    for (const arg of call.args) {
      if (arg.name !== null) throw new EvalError(`nn.Sequential takes layers, not keyword arguments (${arg.name}=...)`, arg.nameSpan ?? arg.value.span);
      const v = this.guard(() => this.evaluate(arg.value));
      if (v === undefined) continue;
      if (v.kind === 'ordered') {
        if (call.args.length > 1) throw new EvalError('nn.Sequential takes either one OrderedDict or layers, not both', arg.value.span);
        layers.push(...v.layers);
      } else if (v.kind === 'layers') {
        layers.push(...v.layers);
      } else {
        throw new EvalError(`nn.Sequential takes layers, got ${describeValue(v)}`, arg.value.span);
      }
    }
    return { kind: 'layers', layers };
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
      if (v.kind !== 'layers') throw new EvalError(`the entry ${name} must be a layer, got ${describeValue(v)}`, pair[1]!.span);
      layers.push(...v.layers);
      names.push(name);
    }
    if (names.length > 0) this.notes.push(`The layer names of the OrderedDict (${names.slice(0, 4).join(', ')}${names.length > 4 ? ', …' : ''}) are not kept.`);
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
    if (sizes.length === 3) this.notes.push('The input tensor has no batch dimension; using N = 1.');
    const names = ['batch', 'channels', 'height', 'width'] as const;
    const input: Record<(typeof names)[number], number> = { batch: 1, channels: 1, height: 1, width: 1 };
    names.forEach((name, i) => {
      const value = shape[i]!;
      const { min, max } = INPUT_LIMITS[name];
      const span = sizes[sizes.length === 3 ? i - 1 : i]?.span ?? call.span;
      if (value < min || value > max) throw new EvalError(`the input's ${name === 'batch' ? 'batch size N' : name} must be from ${min} to ${max}, got ${value}`, span);
      input[name] = value;
    });
    return { kind: 'input', input };
  }

  /** Builds one layer from a call, checking every argument against the layer's schema. */
  private layer(type: LayerType, call: CallExpr): Layer {
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
        else if (spec.fixed === undefined) args[spec.name] = spec.default;
        continue;
      }
      const value = this.guard(() => this.evaluate(expr));
      if (value === undefined) {
        failed = true;
        continue;
      }
      if (value.kind === 'layers' || value.kind === 'input' || value.kind === 'ordered') {
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
    return layerFromRecord(type, args);
  }

  /** Runs `f`; on a problem, reports it (unless it was reported already) and returns undefined. */
  private guard<T>(f: () => T): T | undefined {
    try {
      return f();
    } catch (error) {
      if (error instanceof SourceError) this.problems.push(error);
      else if (!(error instanceof Reported)) throw error;
      return undefined;
    }
  }
}

function describeValue(v: Value): string {
  if (v.kind === 'layers') return v.layers.length === 1 ? `the layer ${v.layers[0]!.type}` : 'layers';
  if (v.kind === 'input') return 'a tensor';
  if (v.kind === 'ordered') return 'an OrderedDict';
  return pyRepr(v);
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
