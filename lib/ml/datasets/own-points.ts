/**
 * The reader's own points (drawn or from a file) as the widgets keep them: in the reader's units,
 * with the affine map that takes each feature to the networks' units (about [−1, 1], where the
 * built-in datasets live). A file's map is fitted once, when it is loaded (min–max per feature to
 * [−1, 1]); drawn points are in the networks' units already. Points drawn later on top of a file
 * are stored in the file's units through the same map, so nothing moves when one is added.
 */
import type { Rng } from '../../engine';
import { MAX_POINTS, MIN_POINTS_PER_CLASS, type LabelledPoint } from './points-csv';
import type { Dataset } from './types';

/** Per feature: scaled = (value − centre) / half. */
export interface FeatureScale {
  readonly centre: readonly [number, number];
  readonly half: readonly [number, number];
}

/** The reader's data as stored: points in their units, how to scale them, and what the classes are called. */
export interface OwnPoints {
  readonly points: readonly LabelledPoint[];
  readonly scale: FeatureScale;
  /** labels[k] names class k (a file's own labels, or '0' and '1'). */
  readonly labels: readonly [string, string];
  /** Where the first points came from: a file (its name) or drawing. */
  readonly source: { readonly kind: 'file'; readonly name: string } | { readonly kind: 'drawn' };
}

/** The identity: drawn points are in the networks' units. */
export const IDENTITY_SCALE: FeatureScale = { centre: [0, 0], half: [1, 1] };

/** The map that takes each feature's [min, max] to [−1, 1] (a constant feature is only centred). */
export function fitScale(points: readonly LabelledPoint[]): FeatureScale {
  const range = (k: 0 | 1): [number, number] => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of points) {
      lo = Math.min(lo, p[k]);
      hi = Math.max(hi, p[k]);
    }
    if (!(hi >= lo)) return [0, 1];
    const half = (hi - lo) / 2;
    return [lo + half, half > 0 && Number.isFinite(half) ? half : 1];
  };
  const [c1, h1] = range(0);
  const [c2, h2] = range(1);
  return { centre: [c1, c2], half: [h1, h2] };
}

/** A point in the reader's units in the networks' units. */
export function toScaled(scale: FeatureScale, x1: number, x2: number): [number, number] {
  return [(x1 - scale.centre[0]) / scale.half[0], (x2 - scale.centre[1]) / scale.half[1]];
}

/** A point in the networks' units back in the reader's units. */
export function fromScaled(scale: FeatureScale, s1: number, s2: number): [number, number] {
  return [s1 * scale.half[0] + scale.centre[0], s2 * scale.half[1] + scale.centre[1]];
}

/** The points in the networks' units, as the training task carries them. */
export function scaledPoints(own: OwnPoints): LabelledPoint[] {
  return own.points.map(([x1, x2, k]) => [...toScaled(own.scale, x1, x2), k] as const);
}

/** Points of class 0 and of class 1. */
export function classCounts(points: readonly LabelledPoint[]): [number, number] {
  let ones = 0;
  for (const p of points) ones += p[2];
  return [points.length - ones, ones];
}

/** Why these points cannot be trained on yet (too few of a class, too many), or null. */
export function ownPointsProblem(points: readonly LabelledPoint[], labels: readonly [string, string] = ['0', '1']): string | null {
  if (points.length > MAX_POINTS) return `Too many points: expected at most ${MAX_POINTS.toLocaleString('en-US')}, got ${points.length.toLocaleString('en-US')}.`;
  const counts = classCounts(points);
  const short = ([0, 1] as const).filter((k) => counts[k] < MIN_POINTS_PER_CLASS);
  if (short.length === 0) return null;
  return `To train, add at least ${MIN_POINTS_PER_CLASS} points of each class: ${short.map((k) => `class ${labels[k]} has ${counts[k]}`).join(', ')}.`;
}

/** A Dataset of labelled points, shuffled with `rng` (the order then does not follow the file's). */
export function pointsDataset(points: readonly LabelledPoint[], rng: Rng): Dataset {
  const order = rng.shuffle(Array.from({ length: points.length }, (_, i) => i));
  const n = points.length;
  const x = new Float32Array(n * 2);
  const y = new Float32Array(n);
  order.forEach((from, i) => {
    const p = points[from]!;
    x[2 * i] = p[0];
    x[2 * i + 1] = p[1];
    y[i] = p[2];
  });
  return { x, y, n, features: 2, classes: 2 };
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isPair = (v: unknown, ok: (x: unknown) => boolean): v is [number, number] => Array.isArray(v) && v.length === 2 && v.every(ok);

/** The stored document read back and checked (stored data is input): the points, or undefined if it is not a valid OwnPoints. */
export function readOwnPoints(value: unknown): OwnPoints | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const scale = v.scale as Record<string, unknown> | undefined;
  const source = v.source as Record<string, unknown> | undefined;
  if (!Array.isArray(v.points) || v.points.length > MAX_POINTS) return undefined;
  const pointsOk = v.points.every((p: unknown) => Array.isArray(p) && p.length === 3 && isFiniteNumber(p[0]) && isFiniteNumber(p[1]) && (p[2] === 0 || p[2] === 1));
  const scaleOk = !!scale && isPair(scale.centre, isFiniteNumber) && isPair(scale.half, (h) => isFiniteNumber(h) && h > 0);
  const labelsOk = isPair(v.labels, (l) => typeof l === 'string') && v.labels[0] !== v.labels[1];
  const sourceOk = !!source && (source.kind === 'drawn' || (source.kind === 'file' && typeof source.name === 'string'));
  if (!pointsOk || !scaleOk || !labelsOk || !sourceOk) return undefined;
  return value as OwnPoints;
}

/**
 * The sample file offered for download: 80 points of two moons in units of their own (x1 from
 * about 0 to 300, x2 from about 20 to 45), labelled 'upper' and 'lower', so that loading it
 * shows the scaling at work.
 */
export function samplePoints(rng: Rng): { points: LabelledPoint[]; labels: [string, string] } {
  const points: LabelledPoint[] = [];
  for (let i = 0; i < 80; i++) {
    const k = i % 2 === 0 ? 0 : 1;
    const t = Math.PI * rng.random();
    const [a, b] = k === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
    const x1 = 100 * (a + 1 + rng.normal(0, 0.1));
    const x2 = 30 + 10 * (b + rng.normal(0, 0.1));
    points.push([Math.round(x1 * 10) / 10, Math.round(x2 * 100) / 100, k]);
  }
  return { points, labels: ['upper', 'lower'] };
}
