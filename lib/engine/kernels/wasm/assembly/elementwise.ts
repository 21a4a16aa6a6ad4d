// AssemblyScript. The elementwise loops of a CNN's activation, four lanes at a time and without
// branches (JavaScript's Math.max and `y > 0 ? g : 0` branch on every element, and with random signs
// the processor guesses half of those wrong).

/** y = max(x, 0) over n floats: f32x4.max, like Math.max, gives NaN for NaN and +0 for -0. */
export function relu(x: usize, y: usize, n: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = <usize>i << 2;
    v128.store(y + at, f32x4.max(v128.load(x + at), zero));
  }
  for (; i < n; i++) {
    const at = <usize>i << 2;
    store<f32>(y + at, max(load<f32>(x + at), 0));
  }
}

/** out = y > 0 ? g : 0 over n floats: relu's gradient from its output y. */
export function reluGrad(g: usize, y: usize, out: usize, n: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = <usize>i << 2;
    v128.store(out + at, v128.bitselect(v128.load(g + at), zero, f32x4.gt(v128.load(y + at), zero)));
  }
  for (; i < n; i++) {
    const at = <usize>i << 2;
    store<f32>(out + at, load<f32>(y + at) > 0 ? load<f32>(g + at) : 0);
  }
}
