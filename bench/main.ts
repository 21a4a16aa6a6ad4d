/**
 * `npm run bench [-- --json] [--rounds N] [--only text,text] [--engines ours,tfjs-cpu]`: our engine against TensorFlow.js
 * (cpu and wasm backends) in one Node process. Rounds are interleaved (every workload on every
 * engine, then again), each sample runs long enough to time reliably, and the table shows medians.
 */
import '@tensorflow/tfjs-backend-wasm';
import { setKernelBackend } from '../lib/engine/index';
import { loadTfjs } from '../lib/engine/testing/tfjs';
import { workloads, type Engine, type Workload } from './workloads';
import { collectGarbage, nodeProcess } from './node';

const ENGINES: readonly Engine[] = ['ours', 'ours-simd', 'tfjs-cpu', 'tfjs-wasm'];
const SAMPLE_SECONDS = 0.15;
const WARM_UP_SECONDS = 0.5;
const PAIRS = 41;

/** One workload on one engine: an iteration and how many of them make a sample. */
interface Runner {
  readonly step: () => void;
  readonly iterations: number;
}

interface Options {
  readonly json: boolean;
  readonly rounds: number;
  readonly only: string | undefined;
  readonly engines: readonly Engine[];
}

function parseArgs(argv: readonly string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const engines = value('--engines')?.split(',') ?? ENGINES;
  return {
    json: argv.includes('--json'),
    rounds: Number(value('--rounds') ?? 7),
    only: value('--only'),
    engines: ENGINES.filter((e) => engines.includes(e)),
  };
}

/** Seconds per iteration of `step`, over `iterations` runs. */
function time(step: () => void, iterations: number): number {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) step();
  return (performance.now() - start) / 1000 / iterations;
}

/** Runs `step` until the JIT has settled (about WARM_UP_SECONDS); returns its seconds per iteration by then. */
function warmUp(step: () => void): number {
  const end = performance.now() + WARM_UP_SECONDS * 1000;
  let perIteration = time(step, 1);
  for (let n = 1; performance.now() < end; n = Math.min(n * 2, 1 + Math.round(0.05 / perIteration))) perIteration = time(step, n);
  return Math.max(perIteration, 1e-8);
}

/**
 * How much slower `variant` is than `base`: for each of many pairs, the faster of three short
 * interleaved timings of each (noise from other processes only ever adds time), then the median
 * ratio. A difference of a few percent needs this on a shared machine.
 */
function pairedSlowdown(base: Runner, variant: Runner): number {
  const ratios: number[] = [];
  for (let pair = 0; pair < PAIRS; pair++) {
    let b = Infinity;
    let v = Infinity;
    for (let k = 0; k < 3; k++) {
      // Which goes first alternates, so that neither always runs right after being scheduled in.
      const first = (pair + k) % 2 === 0;
      if (first) b = Math.min(b, time(base.step, Math.max(1, Math.round(base.iterations / 15))));
      v = Math.min(v, time(variant.step, Math.max(1, Math.round(variant.iterations / 15))));
      if (!first) b = Math.min(b, time(base.step, Math.max(1, Math.round(base.iterations / 15))));
    }
    ratios.push(v / b);
  }
  return median(ratios) - 1;
}

/** The lowest and the highest of some figures. */
type Range = readonly [number, number];

function range(values: readonly number[]): Range {
  return [Math.min(...values), Math.max(...values)];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A workload's figure of merit from seconds per iteration. */
function score(w: Workload, seconds: number): number {
  if (w.unit === 'GFLOP/s') return w.flops! / seconds / 1e9;
  if (w.unit === 'steps/s') return 1 / seconds;
  return seconds * 1e6;
}

/** How many times better ours is than a peer (>1: ours is faster). */
function ratio(w: Workload, ours: number, peer: number): number {
  return w.unit === 'µs/op' ? peer / ours : ours / peer;
}

/**
 * Memory one iteration needs: growth of JS heap + ArrayBuffers (typed arrays, Wasm memory) across one
 * iteration that starts after a full collection, largest of five. It counts what the iteration
 * allocates whether or not it is still live at the end, so it bounds the iteration's peak from above.
 */
function memoryPerIteration(step: () => void): number {
  const used = () => {
    const m = nodeProcess.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  let peak = 0;
  for (let i = 0; i < 5; i++) {
    collectGarbage();
    const base = used();
    step();
    peak = Math.max(peak, used() - base);
  }
  return peak / 2 ** 20;
}

interface Result {
  readonly workload: string;
  readonly unit: string;
  readonly values: Partial<Record<Engine, number>>;
  /** Lowest and highest per-round figure of each engine, and of each ratio ("ours vs tfjs-cpu"). */
  readonly spread: Readonly<Record<string, Range>>;
  readonly memoryMB: Partial<Record<Engine, number>>;
  /** Ours (JavaScript kernels) against each tfjs backend; ours with SIMD kernels against tfjs-wasm and against ours on JavaScript. */
  readonly ratios: { readonly 'tfjs-cpu'?: number; readonly 'tfjs-wasm'?: number; readonly 'simd-vs-tfjs-wasm'?: number; readonly 'simd-vs-js'?: number };
  readonly goal: string;
  readonly met: boolean;
  /** Issue 17's goal for the SIMD kernels, and whether it was met (undefined: the peer did not run). */
  readonly simdGoal: string;
  readonly simdMet: boolean | undefined;
}

async function main(): Promise<void> {
  const options = parseArgs(nodeProcess.argv);
  const tf = await loadTfjs();
  const log = (line: string) => {
    if (!options.json) nodeProcess.stdout.write(line + '\n');
  };
  const useBackend = async (engine: Engine) => {
    if (engine === 'ours' || engine === 'ours-simd') setKernelBackend(engine === 'ours' ? 'js' : 'auto');
    else await tf.setBackend(engine === 'tfjs-cpu' ? 'cpu' : 'wasm');
  };
  const list = workloads(tf).filter((w) => options.only === undefined || options.only.split(',').some((part) => w.name.includes(part)));
  // Build every (workload, engine) runner once and size its samples.
  const runners = new Map<Workload, Map<Engine, Runner>>();
  for (const w of list) {
    const byEngine = new Map<Engine, Runner>();
    for (const engine of options.engines) {
      const make = w.make[engine === 'ours-simd' ? 'ours' : engine];
      if (make === undefined) continue;
      await useBackend(engine);
      const step = make();
      byEngine.set(engine, { step, iterations: Math.max(1, Math.round(SAMPLE_SECONDS / warmUp(step))) });
    }
    runners.set(w, byEngine);
  }
  log(`Interleaved rounds: ${options.rounds}, about ${SAMPLE_SECONDS * 1000} ms per sample; medians.`);
  // Seconds per iteration, per round, keyed by workload and engine.
  const samples = new Map<string, number[]>();
  for (let round = 0; round <= options.rounds; round++) {
    for (const w of list) {
      for (const [engine, { step, iterations }] of runners.get(w)!) {
        await useBackend(engine);
        step(); // untimed: lets tfjs move its tensors to the backend just selected
        const seconds = time(step, iterations);
        if (round === 0) continue; // warm-up round
        const key = `${w.name}|${engine}`;
        samples.set(key, [...(samples.get(key) ?? []), seconds]);
      }
    }
  }
  const results: Result[] = [];
  for (const w of list) {
    const values: Partial<Record<Engine, number>> = {};
    const spread: Record<string, Range> = {};
    const memoryMB: Partial<Record<Engine, number>> = {};
    for (const [engine, { step }] of runners.get(w)!) {
      const scores = samples.get(`${w.name}|${engine}`)!.map((s) => score(w, s));
      values[engine] = median(scores);
      spread[engine] = range(scores);
      await useBackend(engine);
      memoryMB[engine] = memoryPerIteration(step);
    }
    const ours = values.ours!;
    // Ratios are medians of per-round ratios: each round runs both engines within a second, so
    // slow drifts in machine load cancel out.
    const roundRatios = (peer: Engine, us: Engine = 'ours') => {
      const mine = samples.get(`${w.name}|${us}`) ?? [];
      const theirs = samples.get(`${w.name}|${peer}`);
      if (theirs === undefined || mine.length === 0) return undefined;
      const perRound = mine.map((s, i) => ratio(w, score(w, s), score(w, theirs[i]!)));
      spread[`${us} vs ${peer}`] = range(perRound);
      return median(perRound);
    };
    const cpu = roundRatios('tfjs-cpu');
    const wasm = roundRatios('tfjs-wasm');
    const simdWasm = roundRatios('tfjs-wasm', 'ours-simd');
    const simdJs = roundRatios('ours', 'ours-simd');
    const ratios = {
      ...(cpu === undefined ? {} : { 'tfjs-cpu': cpu }),
      ...(wasm === undefined ? {} : { 'tfjs-wasm': wasm }),
      ...(simdWasm === undefined ? {} : { 'simd-vs-tfjs-wasm': simdWasm }),
      ...(simdJs === undefined ? {} : { 'simd-vs-js': simdJs }),
    };
    const goal = w.goal;
    let text: string;
    let met: boolean;
    if (goal.kind === 'ratio') {
      text = `>= ${goal.min}x cpu${goal.beatWasm ? ', > wasm' : ''}`;
      met = (ratios['tfjs-cpu'] ?? 0) >= goal.min && (!goal.beatWasm || (ratios['tfjs-wasm'] ?? 0) > 1);
    } else if (goal.kind === 'time') {
      text = `<= ${goal.maxMicroseconds} µs`;
      met = ours <= goal.maxMicroseconds;
    } else {
      const base = [...runners.keys()].find((b) => b.name === goal.of);
      const slowdown = base === undefined ? NaN : pairedSlowdown(runners.get(base)!.get('ours')!, runners.get(w)!.get('ours')!);
      text = `<= ${goal.max * 100}% slower (${(slowdown * 100).toFixed(1)}%)`;
      met = slowdown <= goal.max;
    }
    const simdRatio = w.simdGoal.versus === 'ours' ? simdJs : simdWasm;
    const simdGoal = `>= ${w.simdGoal.min}x ${w.simdGoal.versus === 'ours' ? 'js' : 'wasm'}`;
    const simdMet = simdRatio === undefined ? undefined : simdRatio >= w.simdGoal.min;
    results.push({ workload: w.name, unit: w.unit, values, spread, memoryMB, ratios, goal: text, met, simdGoal, simdMet });
  }
  const maxRssMB = nodeProcess.resourceUsage().maxRSS / 1024;
  if (options.json) {
    nodeProcess.stdout.write(JSON.stringify({ node: nodeProcess.version, tfjs: tf.version_core, rounds: options.rounds, results, maxRssMB }, null, 2) + '\n');
    return;
  }
  log(table(results));
  log(`\nSpread over the ${options.rounds} rounds (lowest to highest per-round figure; the table shows medians):`);
  const figure = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  for (const r of results) {
    log(`  ${r.workload.padEnd(50)} ${Object.entries(r.spread).map(([name, [lo, hi]]) => `${name} ${figure(lo)}–${figure(hi)}`).join('  ')}`);
  }
  log(`\nMemory per iteration (MB: JS heap + ArrayBuffers allocated by one iteration after a full GC; an upper bound of its peak):`);
  for (const r of results) {
    log(`  ${r.workload.padEnd(50)} ${ENGINES.map((e) => `${e} ${r.memoryMB[e]?.toFixed(1) ?? '-'}`).join('  ')}`);
  }
  log(`Process peak RSS: ${maxRssMB.toFixed(0)} MB (Node ${nodeProcess.version}, tfjs ${tf.version_core})`);
}

function table(results: readonly Result[]): string {
  const fmt = (v: number | undefined) => (v === undefined ? '-' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  const times = (v: number | undefined) => (v === undefined ? '-' : `${fmt(v)}x`);
  const rows = [
    ['workload', 'unit', 'ours', 'ours+simd', 'tfjs-cpu', 'tfjs-wasm', 'vs cpu', 'vs wasm', 'simd vs js', 'simd vs wasm', 'goal', 'met', 'simd goal', 'met'],
    ...results.map((r) => [
      r.workload,
      r.unit,
      fmt(r.values.ours),
      fmt(r.values['ours-simd']),
      fmt(r.values['tfjs-cpu']),
      fmt(r.values['tfjs-wasm']),
      times(r.ratios['tfjs-cpu']),
      times(r.ratios['tfjs-wasm']),
      times(r.ratios['simd-vs-js']),
      times(r.ratios['simd-vs-tfjs-wasm']),
      r.goal,
      r.met ? 'yes' : 'NO',
      r.simdGoal,
      r.simdMet === undefined ? '-' : r.simdMet ? 'yes' : 'NO',
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const textColumns = [0, rows[0]!.indexOf('goal'), rows[0]!.indexOf('simd goal')];
  return rows.map((row) => `| ${row.map((cell, c) => (textColumns.includes(c) ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ')} |`).join('\n');
}

await main();
