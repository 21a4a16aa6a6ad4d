// `npm run bench:simd-limits`: what bounds the engine's WebAssembly SIMD kernels on this machine,
// measured in this Node process (V8's Wasm compiler, as in Chromium):
//   1. the peak of 128-bit multiply + add from registers alone (no loads): the ceiling for gemm;
//   2. gemm 512 run on operands already in Wasm memory (the kernel alone) and through the engine
//      (copies in and out included): what the crossing costs;
//   3. copying within Wasm memory (memory.copy, 64 MB): the bandwidth that im2col, packing and the
//      copies in and out share;
//   4. a sweep of gemm's cache blocks (KC, MC) around the committed ones, compiled from
//      lib/engine/kernels/wasm/assembly/gemm.ts with only those two constants changed.
// Times are thread CPU time (process.threadCpuUsage), best of several runs: a busy machine slows
// the wall clock but not this. Usage: node bench/simd-limits.mjs
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleTs } from '../scripts/bundle-ts.mjs';

const GEMM = fileURLToPath(new URL('../lib/engine/kernels/wasm/assembly/gemm.ts', import.meta.url));
const { default: asc } = await import('assemblyscript/asc');

/** Compiles AssemblyScript sources (file name → text) with the flags of scripts/build-wasm.mjs (SIMD, -O3, no asserts, stub runtime); returns the instance's exports. */
async function compile(sources) {
  const { error, binary, stderr } = await asc.compileString(sources, { optimizeLevel: 3, shrinkLevel: 0, noAssert: true, runtime: 'stub', enable: ['simd'] });
  if (error) throw new Error(`asc: ${error.message}\n${stderr}`);
  return new WebAssembly.Instance(new WebAssembly.Module(binary), {}).exports;
}

/** Thread CPU seconds `n` calls of `run` take. */
function cpu(run, n) {
  const start = process.threadCpuUsage();
  for (let i = 0; i < n; i++) run();
  const used = process.threadCpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/**
 * Thread CPU seconds one call of `run` takes: the best of `tries` samples of at least 0.2 s each
 * (the kernel accounts CPU time in ticks of a few milliseconds, so shorter samples are too coarse).
 */
function cpuSeconds(run, tries = 5) {
  let n = 1;
  while (cpu(run, n) < 0.2) n *= 2;
  let best = Infinity;
  for (let i = 0; i < tries; i++) best = Math.min(best, cpu(run, n) / n);
  return best;
}

const PEAK = `
export function peak(iterations: i32, scale: f32, shift: f32): f32 {
  // From parameters, not constants: a v128 constant may be materialised again at each use.
  const m = f32x4.splat(scale), c = f32x4.splat(shift);
  let a0 = f32x4.splat(1), a1 = f32x4.splat(2), a2 = f32x4.splat(3), a3 = f32x4.splat(4), a4 = f32x4.splat(5), a5 = f32x4.splat(6);
  let a6 = f32x4.splat(7), a7 = f32x4.splat(8), a8 = f32x4.splat(9), a9 = f32x4.splat(10), a10 = f32x4.splat(11), a11 = f32x4.splat(12);
  for (let i = 0; i < iterations; i++) {
    a0 = f32x4.add(f32x4.mul(a0, m), c); a1 = f32x4.add(f32x4.mul(a1, m), c); a2 = f32x4.add(f32x4.mul(a2, m), c);
    a3 = f32x4.add(f32x4.mul(a3, m), c); a4 = f32x4.add(f32x4.mul(a4, m), c); a5 = f32x4.add(f32x4.mul(a5, m), c);
    a6 = f32x4.add(f32x4.mul(a6, m), c); a7 = f32x4.add(f32x4.mul(a7, m), c); a8 = f32x4.add(f32x4.mul(a8, m), c);
    a9 = f32x4.add(f32x4.mul(a9, m), c); a10 = f32x4.add(f32x4.mul(a10, m), c); a11 = f32x4.add(f32x4.mul(a11, m), c);
  }
  const s = f32x4.add(f32x4.add(f32x4.add(a0, a1), f32x4.add(a2, a3)), f32x4.add(f32x4.add(a4, a5), f32x4.add(a6, a7)));
  return f32x4.extract_lane(f32x4.add(s, f32x4.add(f32x4.add(a8, a9), f32x4.add(a10, a11))), 0);
}
export function copy(to: usize, from: usize, bytes: usize): void { memory.copy(to, from, bytes); }
`;

const say = (text) => console.log(text);

// 1. Register peak: 12 independent chains of multiply then add, 96 flops an iteration.
const tools = await compile({ 'peak.ts': PEAK });
const ITER = 5_000_000;
const peakGflops = (96 * ITER) / cpuSeconds(() => tools.peak(ITER, 0.999, 0.001)) / 1e9;
say(`register peak, f32x4 mul + add (12 chains, no loads):  ${peakGflops.toFixed(1)} GFLOP/s`);

// 3. Bandwidth within Wasm memory.
const MB = 64;
tools.memory.grow((2 * MB * 2 ** 20) / 65536 + 1);
const copyGBs = (MB * 2 ** 20) / cpuSeconds(() => tools.copy(2 ** 16, 2 ** 16 + MB * 2 ** 20, MB * 2 ** 20)) / 1e9;
say(`memory.copy of ${MB} MB (read + write):               ${copyGBs.toFixed(1)} GB/s copied`);

// 2 and 4. gemm 512 on operands in Wasm memory, for several cache blocks.
const N = 512;
const source = readFileSync(GEMM, 'utf8');
const committed = { KC: Number(/const KC = (\d+);/.exec(source)[1]), MC: Number(/const MC = (\d+);/.exec(source)[1]) };
/** gemm N x N x N on operands already in the instance's memory: GFLOP/s of the kernel alone. */
function kernelGflops(k) {
  const bytes = N * N * 4;
  const [a, b, c] = [0, bytes, 2 * bytes];
  const work = 3 * bytes;
  const need = work + k.gemmWorkBytes(N, N, N);
  if (k.memory.buffer.byteLength < need) k.memory.grow(Math.ceil((need - k.memory.buffer.byteLength) / 65536));
  const f = new Float32Array(k.memory.buffer, 0, 2 * N * N);
  for (let i = 0; i < f.length; i++) f[i] = ((i * 7919) % 1000) / 1000 - 0.5;
  return (2 * N ** 3) / cpuSeconds(() => k.gemm(N, N, N, a, N, 1, b, N, 1, c, work)) / 1e9;
}
say(`\ngemm ${N} x ${N} x ${N}, kernel alone (operands in Wasm memory), by cache block (committed: KC ${committed.KC}, MC ${committed.MC}):`);
/** The sweep's values of a block, with the committed one among them (its cell is the kernel's figure below). */
const around = (values, mine) => [...new Set([...values, mine])].sort((x, y) => x - y);
let committedGflops = NaN;
for (const KC of around([128, 256, 512], committed.KC)) {
  const row = [];
  for (const MC of around([64, 128, 256], committed.MC)) {
    const text = source.replace(/const KC = \d+;/, `const KC = ${KC};`).replace(/const MC = \d+;/, `const MC = ${MC};`);
    const gflops = kernelGflops(await compile({ 'gemm.ts': text }));
    if (KC === committed.KC && MC === committed.MC) committedGflops = gflops;
    row.push(`MC ${MC}: ${gflops.toFixed(1).padStart(5)}`);
  }
  say(`  KC ${String(KC).padEnd(4)} ${row.join('   ')} GFLOP/s`);
}

// 2. The same product through the engine: copies into and out of Wasm memory included.
const engineFile = await bundleTs(new URL('./simd-limits-engine.ts', import.meta.url), 'neural-notebook-simd-limits');
const { engineMatmul } = await import(engineFile);
const engineGflops = (2 * N ** 3) / cpuSeconds(engineMatmul(N)) / 1e9;
say(`gemm ${N} through the engine (setKernelBackend('auto'), copies included): ${engineGflops.toFixed(1)} GFLOP/s`);
say(`\nShare of the register peak: kernel ${((100 * committedGflops) / peakGflops).toFixed(0)} %, engine ${((100 * engineGflops) / peakGflops).toFixed(0)} %.`);
