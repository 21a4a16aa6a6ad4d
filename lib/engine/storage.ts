/** Element types a tensor can hold. float32 is the default; float64 is there for gradient checks. */
export type DType = 'float32' | 'float64';

/** Flat row-major storage of a tensor. */
export type Data = Float32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/** A new zero-filled array of `n` elements of `dtype`. */
export function allocate(dtype: DType, n: number): Data {
  return dtype === 'float64' ? new Float64Array(n) : new Float32Array(n);
}

/** The dtype of a storage array. */
export function dtypeOf(data: Data): DType {
  return data instanceof Float64Array ? 'float64' : 'float32';
}

/** The dtype two operands compute in: float64 if either is float64 (PyTorch's type promotion). */
export function promote(a: DType, b: DType): DType {
  return a === 'float64' || b === 'float64' ? 'float64' : 'float32';
}
