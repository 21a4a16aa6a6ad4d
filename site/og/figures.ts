/**
 * A figure per lesson for its social preview card, drawn from the lesson's own code: the
 * activation functions' formulas, the losses' gradients by autograd, per-layer gradient norms of a
 * deep network built with the engine, a convolution and a pooling computed by the engine, the
 * shapes the CNN-size arithmetic gives, a dropout mask, the RNN's shapes and the hyperparameter
 * search's precomputed surface. Each returns SVG drawn inside FIGURE_BOX.
 */
import { conv2d, dropout, maxPool2d, nn, ones, relu, Rng, sigmoid, sum, Tensor, tensor } from '../../lib/engine';
import { ACTIVATIONS, type ActivationName, DEFAULT_ACTIVATION_PARAMS } from '../../lib/course/activations';
import { lossCurves } from '../../lib/course/backpropagation';
import { presetKernel, samplePicture, toGrayscale } from '../../lib/course/convolution';
import { REAL_PARAMS, REAL_SURFACE, SURFACE_SIDE } from '../../lib/course/hyperparameter-search';
import { rnnForwardShapes, RNN_DEFAULTS, windowOutputSize } from '../../lib/ml/shapes';
import { FIGURE_BOX } from './card';
import { axes, type Box, cells, label, mix, polyline, px, scale, THEME } from './svg';

const B = FIGURE_BOX;

/** Curves of sigmoid, tanh, ReLU and swish on z in [−4, 4], from the lesson's formulas. */
function activationCurves(): string {
  const plot: Box = { x: B.x + 10, y: B.y + 10, w: B.w - 20, h: B.h - 70 };
  const sx = scale(-4, 3, plot.x, plot.x + plot.w);
  const sy = scale(-1.1, 3, plot.y + plot.h, plot.y);
  const names: ActivationName[] = ['sigmoid', 'tanh', 'relu', 'swish'];
  const zs = Array.from({ length: 141 }, (_, i) => -4 + i * 0.05);
  let out = axes(plot, sx(0), sy(0));
  names.forEach((name, k) => {
    const f = ACTIVATIONS[name];
    const colour = THEME.chart[k] ?? THEME.text;
    out += polyline(zs.map((z) => [sx(z), sy(f.value(z, DEFAULT_ACTIVATION_PARAMS))]), colour, 5);
    out += label(B.x + 10 + k * 112, B.y + B.h - 8, f.label, { fill: colour, weight: 650 });
  });
  return out;
}

/** |dL/dz| of cross-entropy and squared error at logit z for target 1 (autograd, the loss race's losses). */
function lossGradients(): string {
  const plot: Box = { x: B.x + 10, y: B.y + 30, w: B.w - 20, h: B.h - 100 };
  const points = lossCurves(1, -8, 4, 121);
  const sx = scale(-8, 4, plot.x, plot.x + plot.w);
  const sy = scale(0, 1.05, plot.y + plot.h, plot.y);
  let out = axes(plot, sx(0), sy(0));
  out += polyline(points.map((p) => [sx(p.z), sy(Math.abs(p.crossEntropyGrad))]), THEME.chart[0], 5);
  out += polyline(points.map((p) => [sx(p.z), sy(Math.abs(p.squaredErrorGrad))]), THEME.chart[1], 5);
  out += label(plot.x + 8, plot.y + 10, '|dL/dz|, target 1', { size: 20 });
  out += label(plot.x + plot.w, plot.y + plot.h + 34, 'logit z', { size: 20, anchor: 'end' });
  out += label(B.x + 10, B.y + B.h - 8, 'cross-entropy', { fill: THEME.chart[0], weight: 650 });
  out += label(B.x + 230, B.y + B.h - 8, 'squared error', { fill: THEME.chart[1], weight: 650 });
  return out;
}

/**
 * The norm of the gradient that reaches each Linear layer's input, d(sum of outputs)/d(input of
 * layer l), in a 10-layer, 16-wide network (engine, seed 1, PyTorch's default initialisation
 * scaled by `gain`), for a batch of 64 normal inputs: what backpropagation hands each layer.
 */
export function layerGradientNorms(activation: (x: Tensor) => Tensor, gain: number, layers = 10): number[] {
  const rng = new Rng(1);
  const width = 16;
  const stack = Array.from({ length: layers }, () => new nn.Linear(width, width, { rng }));
  for (const layer of stack) layer.weight.data.forEach((w, i, data) => (data[i] = w * gain));
  let h = tensor(Array.from({ length: 64 }, () => Array.from({ length: width }, () => rng.normal())), { requiresGrad: true });
  const inputs: Tensor[] = [];
  for (const layer of stack) {
    inputs.push(h.retainGrad());
    h = activation(layer.forward(h));
  }
  sum(h).backward();
  return inputs.map((x) => {
    let s = 0;
    for (const g of x.grad?.data ?? []) s += g * g;
    return Math.sqrt(s);
  });
}

/** Bars of per-layer gradient norms on a log scale, one colour per series, layer 1 on the left. */
function gradientBars(series: readonly { name: string; norms: number[]; colour: string }[]): string {
  const plot: Box = { x: B.x + 10, y: B.y + 40, w: B.w - 20, h: B.h - 110 };
  const logs = series.flatMap((s) => s.norms.map(Math.log10));
  const lo = Math.floor(Math.min(...logs));
  const hi = Math.ceil(Math.max(...logs));
  const sy = scale(lo, hi, plot.y + plot.h, plot.y);
  const layers = series[0]?.norms.length ?? 0;
  const group = plot.w / layers;
  const bar = (group - 8) / series.length;
  let out = `<line x1="${plot.x}" y1="${plot.y + plot.h}" x2="${plot.x + plot.w}" y2="${plot.y + plot.h}" stroke="${THEME.axis}" stroke-width="2"/>`;
  series.forEach((s, k) =>
    s.norms.forEach((n, i) => {
      const y = sy(Math.log10(n));
      out += `<rect x="${px(plot.x + i * group + 4 + k * bar)}" y="${px(y)}" width="${px(bar - 2)}" height="${px(plot.y + plot.h - y)}" fill="${s.colour}" rx="2"/>`;
    }),
  );
  out += label(plot.x, B.y + 18, `gradient into each layer (log, ${hi - lo} decades)`, { size: 20 });
  out += label(plot.x, plot.y + plot.h + 30, 'layer 1', { size: 20 });
  out += label(plot.x + plot.w, plot.y + plot.h + 30, `layer ${layers}`, { size: 20, anchor: 'end' });
  series.forEach((s, k) => (out += label(B.x + 10 + k * 220, B.y + B.h - 8, s.name, { fill: s.colour, weight: 650 })));
  return out;
}

/** A handwritten 4 (the lesson's sample), the Sobel-x kernel, and the feature map the engine's conv2d makes of it. */
function convolutionMaps(): string {
  const input = toGrayscale(samplePicture('four'));
  const kernel = presetKernel('sobelX', 3) ?? [];
  const out = conv2d(new Tensor(input.data, [1, 1, input.height, input.width]), new Tensor(Float64Array.from(kernel), [1, 1, 3, 3]), null, { padding: 1 });
  const side = 190;
  const inBox: Box = { x: B.x, y: B.y + 60, w: side, h: side };
  const outBox: Box = { x: B.x + B.w - side, y: B.y + 60, w: side, h: side };
  const peak = Math.max(...Array.from(out.data, Math.abs));
  let svg = cells(inBox, input.height, input.width, input.data, (v) => mix(THEME.raised, THEME.text, v));
  const cell = side / input.width;
  svg += `<rect x="${px(inBox.x + 9 * cell)}" y="${px(inBox.y + 8 * cell)}" width="${px(3 * cell)}" height="${px(3 * cell)}" fill="none" stroke="${THEME.chart[3]}" stroke-width="3"/>`;
  svg += cells(outBox, input.height, input.width, out.data, (v) => (v >= 0 ? mix(THEME.raised, THEME.chart[0], v / peak) : mix(THEME.raised, THEME.chart[1], -v / peak)));
  svg += `<rect x="${inBox.x}" y="${inBox.y}" width="${side}" height="${side}" fill="none" stroke="${THEME.border}" stroke-width="2"/><rect x="${outBox.x}" y="${outBox.y}" width="${side}" height="${side}" fill="none" stroke="${THEME.border}" stroke-width="2"/>`;
  const kBox: Box = { x: B.x + 40, y: B.y + 300, w: 120, h: 120 };
  svg += cells(kBox, 3, 3, kernel, (v) => (v > 0 ? mix(THEME.raised, THEME.chart[0], v / 2) : v < 0 ? mix(THEME.raised, THEME.chart[1], -v / 2) : THEME.raised), THEME.border);
  kernel.forEach((v, i) => (svg += label(kBox.x + (i % 3) * 40 + 20, kBox.y + Math.floor(i / 3) * 40 + 28, String(v), { size: 20, fill: THEME.text, anchor: 'middle' })));
  svg += label(inBox.x + side / 2, B.y + 36, 'input', { size: 22, anchor: 'middle' });
  svg += label(outBox.x + side / 2, B.y + 36, 'feature map', { size: 22, anchor: 'middle' });
  svg += label(kBox.x + kBox.w + 24, kBox.y + 54, 'Sobel x', { size: 22, fill: THEME.chart[3], weight: 650 });
  svg += label(kBox.x + kBox.w + 24, kBox.y + 84, '3 × 3 kernel', { size: 20 });
  svg += `<path d="M${inBox.x + side + 12} ${inBox.y + side / 2} H${outBox.x - 14}" stroke="${THEME.axis}" stroke-width="3"/><path d="M${outBox.x - 14} ${inBox.y + side / 2 - 8} l12 8 l-12 8 z" fill="${THEME.axis}"/>`;
  return svg;
}

/** A 4 × 4 input and its 2 × 2 max pool (the engine's maxPool2d), each window in its own colour. */
function maxPooling(): string {
  const rng = new Rng(5);
  const values = Array.from({ length: 16 }, () => rng.int(10));
  const pooled = maxPool2d(tensor([[values.slice(0, 4), values.slice(4, 8), values.slice(8, 12), values.slice(12, 16)]]), 2, { stride: 2 }).data;
  const colours = [THEME.chart[0], THEME.chart[1], THEME.chart[2], THEME.chart[3]];
  const windowOf = (i: number): number => Math.floor(Math.floor(i / 4) / 2) * 2 + Math.floor((i % 4) / 2);
  const inBox: Box = { x: B.x + 10, y: B.y + 70, w: 240, h: 240 };
  const outBox: Box = { x: B.x + B.w - 130, y: B.y + 130, w: 120, h: 120 };
  let svg = cells(inBox, 4, 4, values, (_, i) => mix(THEME.raised, colours[windowOf(i)] ?? THEME.text, 0.18), THEME.border);
  values.forEach((v, i) => {
    const isMax = v === pooled[windowOf(i)];
    svg += label(inBox.x + (i % 4) * 60 + 30, inBox.y + Math.floor(i / 4) * 60 + 40, String(v), { size: 28, anchor: 'middle', fill: isMax ? (colours[windowOf(i)] ?? THEME.text) : THEME.muted, weight: isMax ? 650 : 500 });
  });
  svg += cells(outBox, 2, 2, Array.from(pooled), (_, i) => mix(THEME.raised, colours[i] ?? THEME.text, 0.25), THEME.border);
  Array.from(pooled).forEach((v, i) => (svg += label(outBox.x + (i % 2) * 60 + 30, outBox.y + Math.floor(i / 2) * 60 + 40, String(v), { size: 28, anchor: 'middle', fill: colours[i] ?? THEME.text, weight: 650 })));
  svg += `<path d="M${inBox.x + inBox.w + 16} ${outBox.y + 60} H${outBox.x - 16}" stroke="${THEME.axis}" stroke-width="3"/><path d="M${outBox.x - 16} ${outBox.y + 52} l12 8 l-12 8 z" fill="${THEME.axis}"/>`;
  svg += label(inBox.x, B.y + 40, 'input 4 × 4', { size: 22 });
  svg += label(outBox.x + 60, outBox.y - 24, 'max pool', { size: 22, anchor: 'middle' });
  svg += label(B.x + 10, B.y + B.h - 40, 'kernel 2, stride 2: the largest', { size: 22 });
  svg += label(B.x + 10, B.y + B.h - 10, 'value of each window', { size: 22 });
  return svg;
}

/** The shapes through a small CNN (3 × 32 × 32, two conv-pool stages, a linear layer), from the size arithmetic. */
function cnnShapes(): string {
  const size = (input: number, kernel: number, stride: number, padding: number): number => {
    const r = windowOutputSize(input, { kernel, stride, padding, dilation: 1 });
    if (!r.ok) throw new Error(`cnnShapes: ${r.reason}`);
    return r.size;
  };
  const stages: { c: number; s: number; name: string }[] = [{ c: 3, s: 32, name: 'input' }];
  const conv1 = size(32, 3, 1, 1);
  stages.push({ c: 16, s: conv1, name: 'conv 3×3' });
  const pool1 = size(conv1, 2, 2, 0);
  stages.push({ c: 16, s: pool1, name: 'pool' });
  const conv2 = size(pool1, 3, 1, 1);
  stages.push({ c: 32, s: conv2, name: 'conv 3×3' });
  const pool2 = size(conv2, 2, 2, 0);
  stages.push({ c: 32, s: pool2, name: 'pool' });
  let svg = '';
  const baseY = B.y + 250;
  let x = B.x + 6;
  stages.forEach(({ c, s }, i) => {
    const side = s * 4.2;
    const depth = Math.min(44, c * 1.3);
    const colour = THEME.chart[i % 2 === 0 ? 0 : 2];
    svg += `<path d="M${px(x)} ${px(baseY - side / 2)} l${px(depth)} ${px(-depth * 0.6)} h${px(side * 0.55)} l${px(-depth)} ${px(depth * 0.6)} z" fill="${mix(THEME.raised, colour, 0.35)}" stroke="${colour}" stroke-width="2"/>`;
    svg += `<path d="M${px(x + side * 0.55)} ${px(baseY - side / 2)} l${px(depth)} ${px(-depth * 0.6)} v${px(side)} l${px(-depth)} ${px(depth * 0.6)} z" fill="${mix(THEME.raised, colour, 0.5)}" stroke="${colour}" stroke-width="2"/>`;
    svg += `<rect x="${px(x)}" y="${px(baseY - side / 2)}" width="${px(side * 0.55)}" height="${px(side)}" fill="${mix(THEME.raised, colour, 0.2)}" stroke="${colour}" stroke-width="2"/>`;
    svg += label(x + side * 0.27, baseY + (i % 2 === 0 ? 110 : 150), `${c}×${s}×${s}`, { size: 19, anchor: 'middle', fill: THEME.text });
    x += side * 0.55 + depth + 14;
  });
  const features = 32 * pool2 * pool2;
  svg += label(B.x + 6, B.y + 36, `flatten: 32 · ${pool2} · ${pool2} = ${features}`, { size: 22, fill: THEME.text, weight: 650 });
  svg += label(B.x + 6, B.y + B.h - 10, `Linear(${features}, 10): ${(features + 1) * 10} parameters`, { size: 22 });
  return svg;
}

/** A 4-6-6-2 network with a dropout mask (p = 0.5, seed 3) on the hidden units: dropped units and their edges greyed. */
function dropoutNetwork(): string {
  const rng = new Rng(3);
  const sizes = [4, 6, 6, 2];
  // The engine's dropout on ones: a unit is kept where its output is not zero.
  const kept = sizes.map((n, l) => (l === 0 || l === sizes.length - 1 ? new Array<boolean>(n).fill(true) : Array.from(dropout(ones([n]), 0.5, { rng }).data, (v) => v !== 0)));
  const pos = (l: number, i: number): [number, number] => [B.x + 40 + l * ((B.w - 80) / (sizes.length - 1)), B.y + 40 + ((i + 0.5) * (B.h - 120)) / (sizes[l] ?? 1)];
  let edges = '';
  let nodes = '';
  sizes.forEach((n, l) => {
    for (let i = 0; i < n; i++) {
      const [x, y] = pos(l, i);
      const on = kept[l]?.[i] ?? true;
      if (l + 1 < sizes.length) {
        for (let j = 0; j < (sizes[l + 1] ?? 0); j++) {
          const [x2, y2] = pos(l + 1, j);
          const live = on && (kept[l + 1]?.[j] ?? true);
          edges += `<line x1="${px(x)}" y1="${px(y)}" x2="${px(x2)}" y2="${px(y2)}" stroke="${live ? THEME.chart[0] : THEME.grid}" stroke-width="${live ? 2.5 : 1.5}"/>`;
        }
      }
      nodes += on
        ? `<circle cx="${px(x)}" cy="${px(y)}" r="17" fill="${THEME.raised}" stroke="${THEME.chart[0]}" stroke-width="4"/>`
        : `<circle cx="${px(x)}" cy="${px(y)}" r="17" fill="${THEME.surface}" stroke="${THEME.border}" stroke-width="3"/><path d="M${px(x - 9)} ${px(y - 9)} l18 18 M${px(x + 9)} ${px(y - 9)} l-18 18" stroke="${THEME.chart[1]}" stroke-width="3.5"/>`;
    }
  });
  return `${edges}${nodes}${label(B.x + 10, B.y + B.h - 10, 'dropout p = 0.5: a new mask each step', { size: 22 })}`;
}

/** An RNN unrolled over four steps, with the input and output shapes nn.RNN gives (L = 4, N = 8, H_in = 10, H_out = 20). */
function rnnUnrolled(): string {
  const config = { ...RNN_DEFAULTS, inputSize: 10, hiddenSize: 20 };
  const shapes = rnnForwardShapes(config, [4, 8, 10]);
  if (!shapes.ok) throw new Error(`rnnUnrolled: ${shapes.error.message}`);
  let svg = '';
  const step = (B.w - 20) / 4;
  for (let t = 0; t < 4; t++) {
    const cx = B.x + 10 + step * t + step / 2;
    const cellY = B.y + 180;
    svg += `<rect x="${px(cx - 38)}" y="${cellY}" width="76" height="76" rx="12" fill="${mix(THEME.raised, THEME.chart[4], 0.15)}" stroke="${THEME.chart[4]}" stroke-width="3"/>`;
    svg += label(cx, cellY + 48, `h${t + 1}`, { size: 26, anchor: 'middle', fill: THEME.chart[4], weight: 650 });
    svg += `<line x1="${px(cx)}" y1="${cellY + 150}" x2="${px(cx)}" y2="${cellY + 86}" stroke="${THEME.chart[0]}" stroke-width="3"/><path d="M${px(cx - 7)} ${cellY + 90} l7 -10 l7 10 z" fill="${THEME.chart[0]}"/>`;
    svg += label(cx, cellY + 178, `x${t + 1}`, { size: 24, anchor: 'middle', fill: THEME.chart[0], weight: 650 });
    svg += `<line x1="${px(cx)}" y1="${cellY - 10}" x2="${px(cx)}" y2="${cellY - 62}" stroke="${THEME.chart[2]}" stroke-width="3"/><path d="M${px(cx - 7)} ${cellY - 58} l7 -10 l7 10 z" fill="${THEME.chart[2]}"/>`;
    if (t < 3) svg += `<line x1="${px(cx + 40)}" y1="${cellY + 38}" x2="${px(cx + step - 50)}" y2="${cellY + 38}" stroke="${THEME.chart[4]}" stroke-width="3"/><path d="M${px(cx + step - 52)} ${cellY + 31} l10 7 l-10 7 z" fill="${THEME.chart[4]}"/>`;
  }
  svg += label(B.x + 10, B.y + 40, `output (L, N, D·H_out) = (${shapes.output.join(', ')})`, { size: 22, fill: THEME.chart[2], weight: 650 });
  svg += label(B.x + 10, B.y + B.h - 10, 'input (L, N, H_in) = (4, 8, 10)', { size: 22, fill: THEME.chart[0], weight: 650 });
  return svg;
}

/** The real objective's validation loss over learning rate × weight decay (the lesson's precomputed 21 × 21 surface), its best cell ringed. */
function searchSurface(): string {
  const side = SURFACE_SIDE;
  const box: Box = { x: B.x + 40, y: B.y + 10, w: B.w - 50, h: B.h - 100 };
  const lo = Math.min(...REAL_SURFACE);
  const hi = Math.max(...REAL_SURFACE);
  // Row j of the grid is the second parameter; draw it bottom-up so larger values sit higher.
  const flipped = Array.from({ length: side * side }, (_, k) => REAL_SURFACE[(side - 1 - Math.floor(k / side)) * side + (k % side)] ?? hi);
  let svg = cells(box, side, side, flipped, (v) => mix(THEME.chart[0], THEME.surface, (v - lo) / (0.6 - lo)));
  const best = REAL_SURFACE.indexOf(lo);
  const cw = box.w / side;
  const ch = box.h / side;
  svg += `<circle cx="${px(box.x + ((best % side) + 0.5) * cw)}" cy="${px(box.y + (side - 1 - Math.floor(best / side) + 0.5) * ch)}" r="${px(cw * 0.9)}" fill="none" stroke="${THEME.chart[3]}" stroke-width="4"/>`;
  svg += label(box.x + box.w / 2, box.y + box.h + 32, `${REAL_PARAMS[0].name} (log)`, { size: 20, anchor: 'middle' });
  svg += `<g transform="translate(${px(box.x - 14)} ${px(box.y + box.h / 2)}) rotate(-90)">${label(0, 0, `${REAL_PARAMS[1].name} (log)`, { size: 20, anchor: 'middle' })}</g>`;
  svg += label(box.x, B.y + B.h - 8, `validation loss, best ${lo.toFixed(3)}`, { size: 20, fill: THEME.chart[3], weight: 650 });
  return svg;
}

/** The home page's figure: a 3-5-5-1 network whose edges are coloured and weighted by seeded weights. */
function homeNetwork(): string {
  const rng = new Rng(7);
  const sizes = [3, 5, 5, 1];
  const pos = (l: number, i: number): [number, number] => [B.x + 40 + l * ((B.w - 80) / (sizes.length - 1)), B.y + 30 + ((i + 0.5) * (B.h - 60)) / (sizes[l] ?? 1)];
  let svg = '';
  sizes.forEach((n, l) => {
    for (let i = 0; i < n && l + 1 < sizes.length; i++) {
      for (let j = 0; j < (sizes[l + 1] ?? 0); j++) {
        const w = rng.normal();
        const [x, y] = pos(l, i);
        const [x2, y2] = pos(l + 1, j);
        svg += `<line x1="${px(x)}" y1="${px(y)}" x2="${px(x2)}" y2="${px(y2)}" stroke="${w >= 0 ? THEME.chart[0] : THEME.chart[1]}" stroke-width="${px(1 + 3 * Math.min(2, Math.abs(w)))}" stroke-opacity="0.8"/>`;
      }
    }
  });
  sizes.forEach((n, l) => {
    for (let i = 0; i < n; i++) {
      const [x, y] = pos(l, i);
      svg += `<circle cx="${px(x)}" cy="${px(y)}" r="20" fill="${THEME.raised}" stroke="${THEME.text}" stroke-width="3"/>`;
    }
  });
  return svg;
}

/** Each lesson's figure, by lesson id; `home` for the home page. */
export const FIGURES: Readonly<Record<string, () => string>> = {
  home: homeNetwork,
  'activation-functions': activationCurves,
  backpropagation: lossGradients,
  'vanishing-gradients': () =>
    gradientBars([
      { name: 'sigmoid', norms: layerGradientNorms(sigmoid, 1), colour: THEME.chart[1] },
      { name: 'ReLU (He init)', norms: layerGradientNorms(relu, Math.sqrt(6)), colour: THEME.chart[0] },
    ]),
  'exploding-gradients': () => gradientBars([{ name: 'ReLU, weights ×2 He', norms: layerGradientNorms(relu, 2 * Math.sqrt(6)), colour: THEME.chart[3] }]),
  convolution: convolutionMaps,
  pooling: maxPooling,
  'cnn-sizes': cnnShapes,
  'overfitting-and-dropout': dropoutNetwork,
  'rnn-shapes': rnnUnrolled,
  'hyperparameter-search': searchSurface,
};

/** The figure for a lesson id (or `home`); throws for an id with none (expected vs got). */
export function figureFor(id: string): string {
  const make = FIGURES[id];
  if (!make) throw new Error(`figureFor: expected one of ${Object.keys(FIGURES).join(', ')}, got "${id}"`);
  return make();
}

/** The figure for a page's card: its lesson's, or the home page's for a lesson that has none yet (a unit test lists those). */
export function cardFigure(id: string): string {
  return (FIGURES[id] ?? homeNetwork)();
}
