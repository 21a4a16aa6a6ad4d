/**
 * fast-check generators of layer stacks for property tests: any layers with valid arguments
 * (for round trips through code and links), and stacks whose every layer fits its input (for
 * comparing the calculator with the engine), with small sizes so a forward pass is quick.
 */
import fc from 'fast-check';
import { calculateStack } from '../calculate';
import { defaultLayer, LAYER_TYPES, storedArgSpecs, type ArgSpec, type ArgValue, type Layer, type LayerType, type StackInput } from '../schema';

const size2 = (min: number, max: number) => fc.tuple(fc.integer({ min, max }), fc.integer({ min, max }));

/** Any value an argument accepts (within small ranges). */
function argValue(spec: ArgSpec): fc.Arbitrary<ArgValue> {
  const lo = spec.min ?? -3;
  switch (spec.kind) {
    case 'int':
      return fc.integer({ min: Math.max(lo, 1), max: 64 });
    case 'dim':
      return fc.integer({ min: -4, max: 3 });
    case 'optionalDim':
      return fc.option(fc.integer({ min: -4, max: 3 }), { nil: null });
    case 'optionalInt':
      return fc.option(fc.integer({ min: -9, max: 9 }).filter((n) => n !== 0), { nil: null });
    case 'float': {
      const low = spec.min ?? -10;
      const high = spec.max ?? 10;
      // Stored floats never hold −0 (coerceArg stores 0), so neither do generated ones.
      const any = fc.double({ min: low, max: high, noNaN: true }).map((v) => (v === 0 ? 0 : v));
      return fc.oneof(fc.constantFrom(...[0.5, 0.25, 1e-5, 0.1, 3].filter((v) => v >= low && v <= high)), any);
    }
    case 'optionalFloat':
      return fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
    case 'bool':
      return fc.boolean();
    case 'size2':
      return size2(Math.max(lo, 0), 7);
    case 'optionalSize2':
      return fc.option(size2(1, 5), { nil: null });
    case 'padding':
      return fc.oneof(size2(0, 3), fc.constant('same' as const));
    case 'outputSize':
      return fc.tuple(fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }), fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }));
    case 'choice':
      return fc.constantFrom(...(spec.options ?? ['']));
  }
}

/** A layer of any supported type with arguments PyTorch would accept one by one. */
export const anyLayer: fc.Arbitrary<Layer> = fc.constantFrom(...LAYER_TYPES).chain((type) => {
  const specs = storedArgSpecs(type);
  return fc.tuple(...specs.map(argValue)).map((values) => defaultLayer(type, Object.fromEntries(specs.map((s, i) => [s.name, values[i]!]))));
});

/** Any input within small sizes. */
export const anyInput: fc.Arbitrary<StackInput> = fc.record({
  batch: fc.integer({ min: 1, max: 4 }),
  channels: fc.integer({ min: 1, max: 4 }),
  height: fc.integer({ min: 1, max: 12 }),
  width: fc.integer({ min: 1, max: 12 }),
});

/** What a valid-stack step draws: a layer type and a few numbers the builder turns into arguments. */
const step = fc.record({
  type: fc.constantFrom<LayerType>(...LAYER_TYPES),
  a: fc.nat(1000),
  b: fc.nat(1000),
  c: fc.nat(1000),
  d: fc.nat(1000),
  flag: fc.boolean(),
});

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** Turns a drawn step into a layer that fits `shape`, or null if this type cannot follow it. */
function fitLayer(s: Step, shape: readonly number[]): Layer | null {
  const rank = shape.length;
  const spatial = rank === 4;
  const [C = 1, H = 1, W = 1] = spatial ? shape.slice(1) : [];
  const pick = (n: number, lo: number, hi: number): number => lo + (n % Math.max(1, hi - lo + 1));
  switch (s.type) {
    case 'Conv2d': {
      if (!spatial) return null;
      const groups = [1, 2, 3].filter((g) => C % g === 0)[s.d % 3] ?? 1;
      const out = groups * pick(s.a, 1, 3);
      const dilation: [number, number] = [pick(s.b >> 3, 1, 2), pick(s.c >> 3, 1, 2)];
      const same = s.flag && s.d % 4 === 0;
      const padding: [number, number] = [pick(s.b >> 5, 0, 2), pick(s.c >> 5, 0, 2)];
      const kernel: [number, number] = [
        pick(s.b, 1, Math.max(1, Math.floor((H + 2 * padding[0] - 1) / dilation[0]) + 1)),
        pick(s.c, 1, Math.max(1, Math.floor((W + 2 * padding[1] - 1) / dilation[1]) + 1)),
      ];
      const stride: [number, number] = same ? [1, 1] : [pick(s.a >> 4, 1, 3), pick(s.d >> 4, 1, 3)];
      return defaultLayer('Conv2d', { in_channels: C, out_channels: out, kernel_size: kernel, stride, padding: same ? 'same' : padding, dilation, groups, bias: s.flag });
    }
    case 'MaxPool2d':
    case 'AvgPool2d': {
      if (!spatial) return null;
      const kernel: [number, number] = [pick(s.a, 1, Math.min(H, 4)), pick(s.b, 1, Math.min(W, 4))];
      const padding: [number, number] = [pick(s.c, 0, Math.floor(kernel[0] / 2)), pick(s.d, 0, Math.floor(kernel[1] / 2))];
      const stride = s.flag ? null : ([pick(s.c >> 3, 1, 3), pick(s.d >> 3, 1, 3)] as const);
      const extra = s.type === 'MaxPool2d' ? { dilation: [1, 1] as const } : {};
      return defaultLayer(s.type, { kernel_size: kernel, padding, stride, ...extra });
    }
    case 'AdaptiveAvgPool2d':
    case 'AdaptiveMaxPool2d':
      return spatial ? defaultLayer(s.type, { output_size: [s.flag ? null : pick(s.a, 1, 4), pick(s.b, 1, 4)] }) : null;
    case 'BatchNorm2d':
      return spatial ? defaultLayer('BatchNorm2d', { num_features: C, affine: s.flag }) : null;
    case 'Dropout2d':
      return spatial ? defaultLayer('Dropout2d') : null;
    case 'Flatten':
      return rank >= 2 ? defaultLayer('Flatten', { start_dim: pick(s.a, 1, rank - 1), end_dim: -1 }) : null;
    case 'Linear':
      return defaultLayer('Linear', { in_features: shape.at(-1) ?? 1, out_features: pick(s.a, 1, 8), bias: s.flag });
    case 'Softmax':
    case 'LogSoftmax':
      return defaultLayer(s.type, { dim: s.flag ? null : pick(s.a, -rank, rank - 1) });
    default:
      return defaultLayer(s.type);
  }
}

/** A stack in which every layer fits its input, with the input it was built for. */
export const validStack: fc.Arbitrary<{ input: StackInput; layers: Layer[] }> = fc
  .tuple(anyInput, fc.array(step, { minLength: 1, maxLength: 8 }))
  .map(([input, steps]) => {
    const layers: Layer[] = [];
    let shape: readonly number[] = [input.batch, input.channels, input.height, input.width];
    for (const s of steps) {
      const layer = fitLayer(s, shape);
      if (layer === null) continue;
      const next = calculateStack(input, [...layers, layer]);
      const row = next.rows.at(-1)!;
      if (row.status !== 'ok' || row.output === null) continue;
      layers.push(layer);
      shape = row.output;
    }
    return { input, layers };
  });
