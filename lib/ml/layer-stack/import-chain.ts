/**
 * Joining the parts of a model that the pasted text does not connect itself: the children of a
 * printed module such as AlexNet(...), the blocks a class's __init__ defines when its forward() is
 * not pasted, and blocks pasted one after another. Between two parts, where a Linear layer would
 * follow a 4-D feature map, forward() must flatten (torchvision's AlexNet, VGG and ResNet call
 * torch.flatten(x, 1) there); the join inserts nn.Flatten() and says so.
 */
import { customModuleStop, tooManyLayers } from './import-evaluate';
import { chainOf, type Chain, type Module } from './import-values';
import { MAX_LAYERS } from './limits';
import type { Span } from './python/tokenize';
import { defaultLayer, type Layer, type LayerType } from './schema';

/** Layers that keep a feature map four-dimensional (a Linear after them needs a Flatten). */
const SPATIAL: ReadonlySet<LayerType> = new Set(['Conv2d', 'MaxPool2d', 'AvgPool2d', 'AdaptiveAvgPool2d', 'AdaptiveMaxPool2d', 'BatchNorm2d', 'Dropout2d']);
/** Layers that keep whatever shape they get (they do not tell whether the input is 4-D). */
const SHAPE_KEEPING: ReadonlySet<LayerType> = new Set(['ReLU', 'ReLU6', 'LeakyReLU', 'ELU', 'GELU', 'SiLU', 'Sigmoid', 'Tanh', 'Softplus', 'Identity', 'Dropout']);

/** The first layer that decides the rank (activations and Dropout keep any shape), if any. */
function firstDeciding(layers: readonly Layer[]): Layer | undefined {
  return layers.find((l) => !SHAPE_KEEPING.has(l.type));
}

/** True when the last layer that decides the rank leaves a 4-D feature map. */
export function endsSpatial(layers: readonly Layer[]): boolean {
  for (let i = layers.length - 1; i >= 0; i -= 1) {
    const type = layers[i]!.type;
    if (SHAPE_KEEPING.has(type)) continue;
    return SPATIAL.has(type);
  }
  return false;
}

/** One part to join: its name for notes and its layers. */
export interface Part {
  readonly label: string;
  readonly chain: Chain;
  readonly span: Span;
}

/**
 * Joins parts in order, inserting nn.Flatten() before a part that starts with a Linear layer
 * after a 4-D feature map. `unseen` says what the text does not show (for the note). A part
 * that stopped ends the join there.
 */
export function joinParts(parts: readonly Part[], unseen: string, note: (text: string) => void): Chain {
  const layers: Layer[] = [];
  for (const part of parts) {
    if (firstDeciding(part.chain.layers)?.type === 'Linear' && endsSpatial(layers)) {
      layers.push(defaultLayer('Flatten'));
      note(
        `Inserted nn.Flatten() before ${part.label}: a Linear layer cannot take a 4-D feature map, so forward() must flatten there (torchvision’s AlexNet, VGG and ResNet call torch.flatten(x, 1)), which ${unseen} does not show.`,
      );
    }
    layers.push(...part.chain.layers);
    if (layers.length > MAX_LAYERS) throw tooManyLayers(layers.length, part.span);
    if (part.chain.stop) return { kind: 'layers', layers, stop: part.chain.stop };
  }
  return chainOf(layers);
}

/**
 * A printed module of another class (AlexNet(...), ResNet(...)) at the top of the paste: its
 * children are taken in the order print(model) lists them. A child that is itself such a module
 * (ResNet's BasicBlock) cannot be followed: the chain stops there.
 */
export function followModule(module: Module, note: (text: string) => void): Chain {
  const keys = module.children.map((c) => c.key);
  const listed = keys.length > 6 ? `${keys.slice(0, 5).join(', ')}, …, ${keys.at(-1)}` : keys.join(', ');
  note(
    `${module.className} is not an nn.Sequential: its children (${listed}) were taken in the order print(model) lists them, as if its forward() called each once, in that order. print(model) does not show forward(); check that it does that.`,
  );
  const parts: Part[] = [];
  for (const child of module.children) {
    if (child.value.kind === 'module') {
      const partial = joinParts(parts, 'print(model)', note);
      return partial.stop ? partial : { kind: 'layers', layers: partial.layers, stop: customModuleStop(child.value, child.key) };
    }
    parts.push({ label: child.key, chain: child.value, span: child.span });
  }
  return joinParts(parts, 'print(model)', note);
}
