/**
 * Reads the forward() of a pasted model class as a chain of layers, so that a layer used twice
 * (the PyTorch tutorial's `self.pool`) and functions such as F.relu and torch.flatten count where
 * forward() calls them:
 *
 *   def forward(self, x):
 *       x = self.pool(F.relu(self.conv1(x)))
 *       x = torch.flatten(x, 1)
 *       return self.fc(x)
 *
 * It follows one tensor from the input through calls of the modules __init__ defined
 * (`self.name(x)`), torch.nn.functional's layer functions, torch.flatten and x.view(N, -1). Where
 * forward() does something a chain cannot express (adds two tensors, uses one twice, branches,
 * loops, calls a method), the chain stops there, with the line and the reason.
 */
import type { Evaluator } from './import-evaluate';
import { customModuleStop } from './import-evaluate';
import type { Chain, Stop, Value } from './import-values';
import type { CallArg, CallExpr, Expr, Param, Statement } from './python/parse';
import type { Span } from './python/tokenize';
import { defaultLayer, type Layer, type LayerType } from './schema';

/** torch.nn.functional's layer functions: the layer each is, and its arguments after the input, in order. */
const FUNCTIONAL: Readonly<Record<string, readonly [LayerType, readonly string[]]>> = {
  relu: ['ReLU', ['inplace']],
  relu6: ['ReLU6', ['inplace']],
  elu: ['ELU', ['alpha', 'inplace']],
  leaky_relu: ['LeakyReLU', ['negative_slope', 'inplace']],
  gelu: ['GELU', ['approximate']],
  silu: ['SiLU', ['inplace']],
  sigmoid: ['Sigmoid', []],
  tanh: ['Tanh', []],
  softplus: ['Softplus', ['beta', 'threshold']],
  softmax: ['Softmax', ['dim', '_stacklevel', 'dtype']],
  log_softmax: ['LogSoftmax', ['dim', '_stacklevel', 'dtype']],
  dropout: ['Dropout', ['p', 'training', 'inplace']],
  dropout2d: ['Dropout2d', ['p', 'training', 'inplace']],
  max_pool2d: ['MaxPool2d', ['kernel_size', 'stride', 'padding', 'dilation', 'ceil_mode', 'return_indices']],
  avg_pool2d: ['AvgPool2d', ['kernel_size', 'stride', 'padding', 'ceil_mode', 'count_include_pad', 'divisor_override']],
  adaptive_avg_pool2d: ['AdaptiveAvgPool2d', ['output_size']],
  adaptive_max_pool2d: ['AdaptiveMaxPool2d', ['output_size', 'return_indices']],
};
/** The functions torch itself offers under the same names. */
const TORCH_FUNCTIONS = new Set(['relu', 'sigmoid', 'tanh', 'softmax', 'log_softmax']);
/** Arguments of a functional call that a layer does not take (they change no shape). */
const DROPPED = new Set(['training', '_stacklevel', 'dtype']);

/** Thrown where forward() leaves the chain. */
class StopHere extends Error {
  constructor(readonly stop: Stop) {
    super(stop.message);
  }
}

/** A tensor variable of forward(): the layers from the input to it, and whether it was used already. */
interface Tensor {
  readonly layers: readonly Layer[];
  used: boolean;
}

/** What forward() computes, read as a chain; `used` names the `self.` modules it called. */
export function readForward(
  className: string,
  params: readonly Param[],
  body: readonly Statement[],
  evaluator: Evaluator,
  source: string,
  methods: ReadonlySet<string>,
): Chain & { used: Set<string> } {
  const self = params[0]?.name ?? 'self';
  const input = params[1]?.name;
  const used = new Set<string>();
  const vars = new Map<string, Tensor>();
  if (input !== undefined) vars.set(input, { layers: [], used: false });
  let reached: readonly Layer[] = [];
  const code = (span: Span): string => source.slice(span.offset, span.offset + span.length).replace(/\s+/g, ' ');
  const stopAt = (span: Span, why: string): never => {
    throw new StopHere({ message: `${className}.forward(), line ${span.line}: ${why}`, span });
  };

  const tensor = (expr: Expr): readonly Layer[] => {
    if (expr.type === 'name' && expr.parts.length === 1) {
      const v = vars.get(expr.parts[0]!);
      if (v === undefined) return stopAt(expr.span, `${expr.parts[0]} is not a tensor computed in forward().`);
      if (v.used) {
        return stopAt(expr.span, `${expr.parts[0]} is used a second time here, which starts a branch (ResNet keeps its input this way to add it back later). A chain of layers cannot express that.`);
      }
      v.used = true;
      return v.layers;
    }
    if (expr.type !== 'call') return stopAt(expr.span, `\`${code(expr.span)}\` is not a call of a layer or a layer function; the calculator follows a chain of layers only.`);
    return [...callInput(expr), ...layersOfCall(expr)];
  };

  /** The tensor argument of a call (its first argument, or the object of a method call). */
  const callInput = (call: CallExpr): readonly Layer[] => {
    const parts = call.callee.parts;
    if (parts.length === 2 && vars.has(parts[0]!)) return tensor({ type: 'name', parts: [parts[0]!], span: call.callee.span });
    const first = call.args[0];
    if (first === undefined || first.name !== null) return stopAt(call.span, `\`${code(call.span)}\` has no tensor to work on.`);
    return tensor(first.value);
  };

  const layersOfCall = (call: CallExpr): readonly Layer[] => {
    const parts = call.callee.parts;
    const name = parts.join('.');
    const last = parts.at(-1)!;
    const prefix = parts.slice(0, -1).join('.');
    if (parts.length === 2 && parts[0] === self) return selfModule(call, last);
    if (parts.length === 2 && vars.has(parts[0]!)) return tensorMethod(call, last);
    if (prefix === 'torch' && last === 'flatten') return [flattenLayer(call.args.slice(1), 0, call)];
    const functional = prefix === 'F' || prefix === 'nn.functional' || prefix === 'torch.nn.functional' || (prefix === 'torch' && TORCH_FUNCTIONS.has(last));
    const entry = functional ? FUNCTIONAL[last] : undefined;
    if (entry !== undefined) return [functionalLayer(entry, call)];
    return stopAt(call.span, `\`${name}(...)\` is not a layer or a layer function the calculator knows; it follows self.<layer>(x), torch.nn.functional’s layer functions, torch.flatten and x.view(x.size(0), -1).`);
  };

  const selfModule = (call: CallExpr, attr: string): readonly Layer[] => {
    if (call.args.length !== 1) return stopAt(call.span, `self.${attr} is called with ${call.args.length} arguments; the calculator follows one tensor through the layers.`);
    const binding = evaluator.bindingOf(`self.${attr}`);
    if (binding === null) {
      return stopAt(call.span, methods.has(attr) ? `forward() calls the method self.${attr}, which the calculator does not run.` : `self.${attr} is not defined in __init__ (or could not be read there).`);
    }
    binding.used = true;
    used.add(`self.${attr}`);
    const value: Value = binding.value;
    if (value.kind === 'module') throw new StopHere(customModuleStop(value, `self.${attr}`));
    if (value.kind === 'ordered') return value.layers;
    if (value.kind !== 'layers') return stopAt(call.span, `self.${attr} is not a layer.`);
    if (value.stop) throw new StopHere(value.stop);
    return value.layers;
  };

  const tensorMethod = (call: CallExpr, method: string): readonly Layer[] => {
    const args = call.args;
    if (method === 'flatten') return [flattenLayer(args, 0, call)];
    if ((method === 'view' || method === 'reshape') && args.length === 2 && args.every((a) => a.name === null)) {
      const [first, second] = [code(args[0]!.value.span), code(args[1]!.value.span)];
      if (/^[A-Za-z_]\w*\.size\(0\)$/.test(first) && second === '-1') return [defaultLayer('Flatten')];
      if (first === '-1') {
        evaluator.note(`${code(call.span)} is read as nn.Flatten(): it gives (N, ${second}) when each image holds ${second} numbers; otherwise view() would mix images, and the layer after it shows the mismatch.`);
        return [defaultLayer('Flatten')];
      }
    }
    return stopAt(call.span, `\`${code(call.span)}\` changes the tensor in a way the calculator does not follow; it reads x.view(x.size(0), -1), x.view(-1, n), x.flatten(1) and torch.flatten(x, 1).`);
  };

  const flattenLayer = (args: readonly CallArg[], defaultStart: number, call: CallExpr): Layer => {
    const dims = [defaultStart, -1];
    args.forEach((arg, i) => {
      const index = arg.name === 'start_dim' ? 0 : arg.name === 'end_dim' ? 1 : arg.name === null ? i : -1;
      const v = index >= 0 ? evaluator.tryValue(arg.value) : undefined;
      if (v?.kind !== 'number' || !v.isInt) stopAt(call.span, `\`${code(call.span)}\`: the calculator reads start_dim and end_dim as whole numbers.`);
      else dims[index] = v.value;
    });
    return defaultLayer('Flatten', { start_dim: dims[0]!, end_dim: dims[1]! });
  };

  const functionalLayer = ([type, names]: readonly [LayerType, readonly string[]], call: CallExpr): Layer => {
    const args: CallArg[] = [];
    call.args.slice(1).forEach((arg, i) => {
      const name = arg.name ?? names[i];
      if (name === undefined || DROPPED.has(name)) return;
      args.push({ name, nameSpan: arg.nameSpan ?? arg.value.span, value: arg.value });
    });
    const layer = evaluator.guard(() => evaluator.layer(type, { ...call, callee: { ...call.callee, parts: [type] }, args }));
    return layer ?? stopAt(call.span, `\`${code(call.span)}\` could not be read (see the problem above).`);
  };

  try {
    for (const statement of body) {
      switch (statement.type) {
        case 'assign':
          reached = tensor(statement.value);
          vars.set(statement.target, { layers: reached, used: false });
          break;
        case 'return':
          if (statement.value === null) return stopAt(statement.span, 'it returns nothing.');
          return { kind: 'layers', layers: tensor(statement.value), used };
        case 'augassign':
          return stopAt(statement.span, `\`${code(statement.span)}\` combines two tensors (adding the block’s input back is a residual connection). A chain of layers cannot express that.`);
        case 'header':
          return stopAt(statement.span, `${statement.keyword} inside forward(): the calculator follows a straight chain of layers, without conditions or loops.`);
        case 'error':
          return stopAt(statement.span, `this line could not be read: ${statement.error.message}.`);
        default:
          break; // docstrings, print(), pass: they compute nothing
      }
    }
    const end = body.at(-1)?.span ?? params[0]?.span;
    return end ? stopAt(end, 'forward() has no return statement.') : { kind: 'layers', layers: [], used };
  } catch (error) {
    if (!(error instanceof StopHere)) throw error;
    return { kind: 'layers', layers: reached, stop: error.stop, used };
  }
}
