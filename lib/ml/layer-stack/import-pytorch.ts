/**
 * Reads PyTorch model code as people write it, or as print(model) prints it, and builds a layer
 * stack:
 *
 * - `nn.Sequential(...)` with the layers as calls, `nn.`, `torch.nn.` or no prefix, positional and
 *   keyword arguments, tuples such as `kernel_size=(3, 3)`, arithmetic such as `256 * 6 * 6`,
 *   comments, trailing commas, several lines; nested Sequentials, OrderedDict, a bare list of layers;
 * - plain variables (`num_classes = 10`), and blocks assigned to names and used later;
 * - what print(model) prints: `(0): Conv2d(3, 64, kernel_size=(11, 11), ...)` children, nested
 *   containers, modules of other classes (AlexNet(...)), whose children are taken in order;
 * - a model class: its __init__ (parameters with defaults become variables) and its forward(),
 *   read as a chain (import-forward.ts); without forward(), the blocks of __init__ in order;
 * - `x = torch.randn(N, C, H, W)`, which sets the input; `import` and `print(...)` lines are skipped.
 *
 * Blocks that no later statement uses are joined in order. Every problem is reported with its line
 * and column, and the stack is returned only when there are none. Where the model goes on in a way
 * a chain of layers cannot express (a residual block), the layers before it are returned with
 * `stopped` saying where and why. The limits of limits.ts (text length, nesting, layers, problems)
 * keep any paste quick; each says it is the calculator's own.
 */
import { followModule, joinParts, type Part } from './import-chain';
import { Evaluator } from './import-evaluate';
import { readForward } from './import-forward';
import { chainOf, describeValue, EvalError, isStructured, type Chain, type Value } from './import-values';
import { calculateStack } from './calculate';
import { MAX_PROBLEMS, MAX_SOURCE_CHARS } from './limits';
import { parseExpression, parseProgram, STATEMENT_KEYWORDS, type CallExpr, type Expr, type Param, type Statement } from './python/parse';
import { SourceError, type Span } from './python/tokenize';
import type { ArgSpec, Layer, StackInput } from './schema';
import { pythonRepr } from '../../common';
import { coerceArg, type Coerced } from './values';

/** A problem in the pasted code, with where it is (1-based line and column, and its length). */
export interface ImportProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  readonly length: number;
}

/** What the code defined. */
export interface ImportResult {
  /** The layers; null if there were problems. With `stopped`, the layers before that point. */
  readonly layers: readonly Layer[] | null;
  /** The input, if the code set one with torch.randn(...). */
  readonly input: StackInput | null;
  /** Problems, in the order of the text, at most MAX_PROBLEMS. */
  readonly problems: readonly ImportProblem[];
  /** True when there were more problems than those listed (reading stopped). */
  readonly moreProblems: boolean;
  /** Remarks: what was assumed, inserted, skipped or left out. */
  readonly notes: readonly string[];
  /** Where the model could not be followed as a chain of layers, and why. */
  readonly stopped: ImportProblem | null;
}

const START: Span = { line: 1, column: 1, offset: 0, length: 0 };
/** Classes that build classes, deeper than this, are refused (a class that builds itself would never end). */
const MAX_CLASS_DEPTH = 16;

type Where = 'root' | 'init';

/** A class of the pasted code: its __init__ and forward(), and the names of its other methods. */
interface ClassDef {
  readonly name: string;
  readonly span: Span;
  readonly init: { readonly params: readonly Param[]; readonly body: readonly Statement[] } | null;
  readonly forward: { readonly params: readonly Param[]; readonly body: readonly Statement[] } | null;
  readonly methods: ReadonlySet<string>;
  instantiated: boolean;
}

/** A value a statement defined, which may be part of the model. */
interface Block {
  readonly name: string | null;
  readonly value: Value;
  readonly span: Span;
}

/** The statements after `start` that are indented more than it (its block), and where the block ends. */
function blockOf(statements: readonly Statement[], start: number): { body: Statement[]; next: number } {
  const indent = statements[start]!.indent;
  let next = start + 1;
  while (next < statements.length && statements[next]!.indent > indent) next += 1;
  return { body: statements.slice(start + 1, next), next };
}

/** Reads `source` and returns the stack it defines, or its problems with line and column. */
export function importPyTorch(source: string): ImportResult {
  if (source.length > MAX_SOURCE_CHARS) {
    const message = `the text is ${source.length.toLocaleString('en-US')} characters long; the importer reads up to ${MAX_SOURCE_CHARS.toLocaleString('en-US')} (its own limit; the code of a large model is under 20,000). Paste the model’s definition only`;
    return { layers: null, input: null, problems: [toProblem(new SourceError(message, START))], moreProblems: false, notes: [], stopped: null };
  }
  return new Importer(source).run();
}

class Importer {
  readonly #problems: SourceError[] = [];
  readonly #classes = new Map<string, ClassDef>();
  readonly #skipped: string[] = [];
  readonly #root: Evaluator;
  #input: StackInput | null = null;
  #depth = 0;
  /** Reading stopped at MAX_PROBLEMS problems. */
  #truncated = false;

  constructor(private readonly source: string) {
    this.#root = new Evaluator(this.#problems, source, { instantiate: (name, call, caller) => this.instantiate(name, call, caller) });
  }

  run(): ImportResult {
    const program = parseProgram(this.source);
    const blocks = this.statements(program.statements, this.#root, 'root');
    const parts: (Part & { order: number })[] = [];
    for (const block of blocks) {
      if (block.name !== null && this.#root.bindingOf(block.name)?.used) continue;
      const chain = this.#root.guard(() => this.chainOfBlock(block.value));
      if (chain) parts.push({ label: block.name ? `${block.name} (line ${block.span.line})` : `line ${block.span.line}`, chain, span: block.span, order: block.span.offset });
    }
    // Classes nobody instantiated: read with their defaults, users before helpers (so a helper a
    // later class builds counts as used), then kept in the order of the text.
    const classParts = [...this.#classes.values()].reverse().flatMap((c) => {
      if (c.instantiated) return [];
      const chain = this.#root.guard(() => this.build(c, { type: 'call', callee: { type: 'name', parts: [c.name], span: c.span }, args: [], span: c.span }, this.#root));
      return chain ? [{ def: c, part: { label: `class ${c.name} (line ${c.span.line})`, chain, span: c.span, order: c.span.offset } }] : [];
    });
    parts.push(...classParts.filter((p) => !p.def.instantiated).map((p) => p.part));
    parts.sort((a, b) => a.order - b.order);

    if (this.#skipped.length > 0) {
      this.#root.note(`Did not read ${this.#skipped.slice(0, 3).join(', ')}${this.#skipped.length > 3 ? ` and ${this.#skipped.length - 3} more` : ''}: the calculator does not run functions, loops or conditions (weight initialisation there changes no shape).`);
    }
    // Layers pasted one after another (the inside of an nn.Sequential) need no remark; named blocks do.
    if (parts.length > 1 && parts.some((p) => !p.label.startsWith('line '))) {
      const labels = parts.map((p) => p.label);
      const listed = labels.length > 6 ? `${labels.slice(0, 5).join(', ')}, …, ${labels.at(-1)}` : labels.join(', ');
      this.#root.note(`Joined ${parts.length} blocks in order: ${listed}.`);
    }
    const joined = this.#root.guard(() => joinParts(parts, 'the pasted code', (n) => this.#root.note(n))) ?? chainOf([]);
    // An empty nn.Sequential() is a stack of no layers; a class that defines none is a problem.
    const onlyClasses = parts.length > 0 && parts.length === classParts.filter((p) => !p.def.instantiated).length;
    if (this.#problems.length === 0 && (parts.length === 0 || (onlyClasses && joined.layers.length === 0)) && joined.stop === undefined && !program.truncated) {
      const what = parts.length === 0 ? 'no layers found' : `no layers found in ${parts.map((p) => p.label).join(', ')}`;
      this.#problems.push(new SourceError(`${what}: paste an nn.Sequential(...), a list of layers such as nn.Conv2d(3, 16, 3), nn.ReLU(), a model class, or what print(model) prints`, START));
    }
    return this.result(joined, program.truncated || this.#truncated);
  }

  private result(chain: Chain, truncated: boolean): ImportResult {
    const seen = new Set<string>();
    const problems = this.#problems
      .map(toProblem)
      .filter((p) => {
        const key = `${p.offset}:${p.message}`;
        return !seen.has(key) && (seen.add(key), true);
      })
      .sort((a, b) => a.offset - b.offset);
    const stopped = chain.stop ? toProblem(new SourceError(chain.stop.message, chain.stop.span)) : null;
    if (problems.length === 0 && stopped !== null && chain.layers.length === 0) problems.push(stopped);
    const ok = problems.length === 0;
    return {
      layers: ok ? chain.layers : null,
      input: this.#input,
      problems: problems.slice(0, MAX_PROBLEMS),
      moreProblems: truncated || problems.length > MAX_PROBLEMS,
      notes: this.#root.notes,
      stopped: ok ? stopped : null,
    };
  }

  /** Reads statements at one level (the text, or a class's __init__) and returns the blocks they define. */
  private statements(statements: readonly Statement[], ev: Evaluator, where: Where): Block[] {
    const blocks: Block[] = [];
    let i = 0;
    while (i < statements.length) {
      const s = statements[i]!;
      if (s.type === 'header') {
        const { body, next } = blockOf(statements, i);
        if (where === 'root' && s.keyword === 'class' && s.name !== null) this.defineClass(s.name, s.span, body);
        else this.skip(s.span, body);
        i = next;
        continue;
      }
      i += 1;
      const block = this.statement(s, ev, where);
      if (block) blocks.push(block);
      if (this.#problems.length >= MAX_PROBLEMS) {
        this.#truncated = i < statements.length;
        break; // enough to fix first; reading on would only make more
      }
    }
    return blocks;
  }

  private statement(s: Statement, ev: Evaluator, where: Where): Block | null {
    switch (s.type) {
      case 'import':
      case 'skip':
      case 'header':
        return null;
      case 'error':
        this.#problems.push(s.error);
        return null;
      case 'keyword':
      case 'return':
        if (where === 'root') {
          const keyword = s.type === 'return' ? 'return' : s.keyword;
          this.#problems.push(new EvalError(`this line is ${STATEMENT_KEYWORDS[keyword] ?? keyword}; paste the nn.Sequential(...) itself, a model class, or a list of layers`, s.span));
        }
        return null;
      case 'augassign':
        this.#problems.push(new EvalError(`${s.target} ${s.op} ... is not supported here; write ${s.target} = ...`, s.span));
        return null;
      case 'assign': {
        const value = ev.tryValue(s.value);
        if (value === undefined) return null;
        ev.bind(s.target, value);
        if (value.kind === 'input') this.#input = value.input;
        return value.kind === 'layers' || value.kind === 'module' || value.kind === 'ordered' ? { name: s.target, value, span: s.span } : null;
      }
      case 'expr': {
        if (isModelMethodCall(s.value, ev)) return null; // model.eval(), model.to('cpu'): no layers in them
        if (where === 'init') {
          this.#skipped.push(`line ${s.span.line} (${ev.text(s.span).slice(0, 40)})`);
          return null;
        }
        const value = ev.tryValue(s.value);
        if (value === undefined) return null;
        if (value.kind === 'input') this.#input = value.input;
        else if (value.kind === 'layers' || value.kind === 'module' || value.kind === 'ordered') return { name: null, value, span: s.span };
        else this.#problems.push(new EvalError(`this line is the value ${isStructured(value) ? describeValue(value) : pythonRepr(value)}, not a layer`, s.span));
        return null;
      }
    }
  }

  /** Notes a block that is not read (a def other than __init__ and forward, a loop, a condition). */
  private skip(span: Span, body: readonly Statement[]): void {
    if (body.every((s) => s.type === 'skip' || s.type === 'import')) return; // `with torch.no_grad(): print(...)` defines nothing
    const last = body.at(-1)?.span.line ?? span.line;
    const end = this.source.indexOf('\n', span.offset);
    const header = this.source.slice(span.offset, end === -1 ? undefined : end).trim().replace(/:$/, '');
    const label = header.length > 40 ? `${header.slice(0, 39)}…` : header;
    this.#skipped.push(`${last > span.line ? `lines ${span.line}–${last}` : `line ${span.line}`} (${label})`);
  }

  private defineClass(name: string, span: Span, body: readonly Statement[]): void {
    let init: ClassDef['init'] = null;
    let forward: ClassDef['forward'] = null;
    const methods = new Set<string>();
    let i = 0;
    while (i < body.length) {
      const s = body[i]!;
      if (s.type !== 'header') {
        i += 1;
        continue;
      }
      const block = blockOf(body, i);
      if (s.keyword === 'def' && s.name === '__init__') init = { params: s.params, body: block.body };
      else if (s.keyword === 'def' && s.name === 'forward') forward = { params: s.params, body: block.body };
      else if (s.keyword === 'def' && s.name !== null) methods.add(s.name);
      i = block.next;
    }
    this.#classes.set(name, { name, span, init, forward, methods, instantiated: false });
  }

  /** `Name(...)` for a class of the pasted code: its chain, with the call's arguments bound. */
  private instantiate(name: string, call: CallExpr, caller: Evaluator): Value | undefined {
    const def = this.#classes.get(name);
    if (def === undefined) return undefined;
    def.instantiated = true;
    return this.build(def, call, caller);
  }

  private build(def: ClassDef, call: CallExpr, caller: Evaluator): Chain {
    if (this.#depth >= MAX_CLASS_DEPTH) throw new EvalError(`classes build classes more than ${MAX_CLASS_DEPTH} deep here; does ${def.name} build itself?`, call.span);
    this.#depth += 1;
    try {
      const ev = new Evaluator(this.#problems, this.source, { instantiate: (n, c, from) => this.instantiate(n, c, from) }, this.#root);
      this.bindParameters(def, call, caller, ev);
      const blocks = def.init ? this.statements(def.init.body, ev, 'init') : [];
      const chain = def.forward ? this.followForward(def, ev, blocks) : this.joinInit(def, ev, blocks);
      for (const n of ev.notes) this.#root.note(n);
      return chain;
    } finally {
      this.#depth -= 1;
    }
  }

  /** Binds __init__'s parameters: the call's arguments, else the defaults, else a marker that says the value is unknown. */
  private bindParameters(def: ClassDef, call: CallExpr, caller: Evaluator, ev: Evaluator): void {
    const params = (def.init?.params ?? []).slice(1);
    const given = new Map<string, Value>();
    for (const [i, arg] of call.args.entries()) {
      const param = arg.name === null ? params[i] : params.find((p) => p.name === arg.name);
      if (param === undefined) {
        throw new EvalError(arg.name === null ? `${def.name}() takes ${params.length} arguments, got ${call.args.length}` : `${def.name}() has no parameter named ${arg.name}`, arg.nameSpan ?? arg.value.span);
      }
      given.set(param.name, caller.value(arg.value));
    }
    for (const param of params) {
      const value = given.get(param.name) ?? (param.default !== null ? this.#root.tryValue(param.default) : { kind: 'param' as const, name: param.name, owner: `${def.name}.__init__` });
      if (value !== undefined) ev.bind(param.name, value);
    }
  }

  private followForward(def: ClassDef, ev: Evaluator, blocks: readonly Block[]): Chain {
    const forward = def.forward!;
    const chain = readForward(def.name, forward.params, forward.body, ev, this.source, def.methods);
    for (const block of blocks) {
      if (block.name === null || !block.name.startsWith('self.') || chain.used.has(block.name)) continue;
      const layers = block.value.kind === 'layers' || block.value.kind === 'ordered' ? block.value.layers : [];
      const params = calculateStack({ batch: 1, channels: 1, height: 1, width: 1 }, layers).parameters;
      if (chain.stop === undefined) {
        ev.note(`${block.name} is defined in ${def.name}.__init__ but forward() does not use it: PyTorch still counts its ${params.toLocaleString('en-US')} parameters in model.parameters(); the table does not.`);
      }
    }
    return chain.stop ? { kind: 'layers', layers: chain.layers, stop: chain.stop } : chainOf(chain.layers);
  }

  /** A class without forward(): the blocks of __init__ that nothing else uses, in order. */
  private joinInit(def: ClassDef, ev: Evaluator, blocks: readonly Block[]): Chain {
    const parts: Part[] = [];
    for (const block of blocks) {
      if (block.name !== null && ev.bindingOf(block.name)?.used) continue;
      parts.push({ label: block.name ?? `line ${block.span.line}`, chain: this.chainOfBlock(block.value), span: block.span });
    }
    if (parts.length > 0) {
      ev.note(
        `${def.name}’s forward() is not in the pasted code: its layers were taken in the order __init__ defines them (${parts.map((p) => p.label).join(', ')}), as if forward() called each once, in that order. Paste forward() too, to have it read.`,
      );
    }
    return joinParts(parts, 'the pasted code', (n) => ev.note(n));
  }

  /** The chain a block stands for; a module of another class is followed child by child. */
  private chainOfBlock(value: Value): Chain {
    if (value.kind === 'module') return followModule(value, (n) => this.#root.note(n));
    if (value.kind === 'ordered') return chainOf(value.layers);
    if (value.kind === 'layers') return value;
    return chainOf([]);
  }
}

/**
 * Reads one argument as typed into the widget's editor, with Python's syntax ("3", "(3, 5)",
 * "None", "'same'", "256 * 6 * 6"); a bare word is taken as a string where a string is expected.
 */
export function readArgument(spec: ArgSpec, text: string): Coerced {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `type a value for ${spec.name}` };
  if ((spec.kind === 'padding' || spec.kind === 'choice') && /^[a-z]+$/.test(trimmed)) return coerceArg(spec, { kind: 'string', value: trimmed });
  if (trimmed.length > 1000) return { ok: false, message: `${spec.name} is at most 1,000 characters here` };
  const problems: SourceError[] = [];
  try {
    const value = new Evaluator(problems, trimmed).value(parseExpression(trimmed));
    if (isStructured(value)) return { ok: false, message: `${spec.name} cannot be ${describeValue(value)}` };
    return coerceArg(spec, value);
  } catch (error) {
    if (error instanceof SourceError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Methods of a model that change its mode or where it lives, not its layers. */
const MODEL_METHODS = new Set(['eval', 'train', 'to', 'cpu', 'cuda', 'float', 'double', 'half', 'requires_grad_', 'zero_grad']);

/** True for `model.eval()` and the like, on a model defined above. */
function isModelMethodCall(expr: Expr, ev: Evaluator): boolean {
  if (expr.type !== 'call') return false;
  const parts = expr.callee.parts;
  return parts.length === 2 && MODEL_METHODS.has(parts[1]!) && ev.bindingOf(parts[0]!) !== null;
}

function toProblem(error: SourceError): ImportProblem {
  const { line, column, offset, length } = error.span;
  return { message: error.message, line, column, offset, length };
}
