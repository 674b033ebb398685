import { describeValue, isFloat64Array, requireInteger } from "../base";
import { gemmPacked } from "../fast";
import { gemmKernel, type GemmKernel } from "./gemm-kernel";

/**
 * $C_{ij} \mathrel{(+)}= \sum_{p<k} A_{ip} B_{jp}$ with A (m, k) or, transposed, (k, m) and B
 * (n, k) or (k, n), all row-major, each sum from 0 in the order p = 0, 1, …: the reference
 * version of the three products below, as the formula reads. They run `gemmPacked` (src/fast:
 * operands packed into a micro-kernel's scratch) instead; with the "js" kernel that is
 * bit-identical to this loop, with "wasm" (the default) within the rounding-error bound of a
 * two-lane sum (test/fast/gemm-packed.test.ts).
 * @param a (m, k) row-major, or (k, m) when `aT`
 * @param b (n, k) row-major, or (k, n) when `bT`
 * @param c (m, n) row-major, written (added into when `accumulate`)
 * @param aT whether a is stored transposed
 * @param bT whether b is stored transposed
 * @see Golub & Van Loan (2013), Matrix Computations, 4th ed., Algorithm 1.1.5 (ijk matrix multiplication)
 */
export function gemmReference(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  m: number,
  n: number,
  k: number,
  accumulate: boolean,
  aT: boolean,
  bT: boolean,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) {
        const aip = aT ? a[p * m + i] : a[i * k + p]; // A_ip
        const bjp = bT ? b[p * n + j] : b[j * k + p]; // B_jp
        s += aip * bjp;
      }
      c[i * n + j] = accumulate ? c[i * n + j] + s : s;
    }
  }
}

/** The default kernel, made on first use. */
const DEFAULT: { kernel: GemmKernel | null } = { kernel: null };

function multiply(
  fn: string,
  opA: "n" | "t",
  opB: "n" | "t",
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  m: number,
  n: number,
  k: number,
  accumulate: boolean,
  kernel: GemmKernel | undefined,
): void {
  requireInteger(fn, "m", m, 1);
  requireInteger(fn, "n", n, 1);
  requireInteger(fn, "k", k, 1);
  for (const [name, arr, size] of [
    ["a", a, m * k],
    ["b", b, n * k],
    ["c", c, m * n],
  ] as const) {
    if (!isFloat64Array(arr)) {
      throw new TypeError(`${fn}: ${name} must be a Float64Array, got ${describeValue(arr)}`);
    }
    if (arr.length < size) {
      throw new RangeError(`${fn}: ${name} must hold at least ${size} values, got ${arr.length}`);
    }
  }
  if (typeof accumulate !== "boolean") {
    throw new TypeError(`${fn}: accumulate must be a boolean, got ${describeValue(accumulate)}`);
  }
  if (
    kernel !== undefined &&
    (kernel === null ||
      typeof kernel !== "object" ||
      typeof kernel.run !== "function" ||
      typeof kernel.reserve !== "function")
  ) {
    throw new TypeError(
      `${fn}: kernel must be a GemmKernel (from gemmKernel) or undefined, got ${describeValue(kernel)}`,
    );
  }
  const K = kernel ?? (DEFAULT.kernel ??= gemmKernel("auto"));
  gemmPacked(K, opA, opB, a, b, c, m, n, k, accumulate);
}

/**
 * $C \mathrel{(+)}= AB^\top$: A (m, k), B (n, k), C (m, n), all row-major (a dense layer's
 * forward pass $Z = HW^\top$). Operands are packed, zero-padded, into the kernel's scratch.
 * @param a (m, k) row-major @param b (n, k) row-major @param c (m, n) row-major, written
 * @param accumulate add into c instead of overwriting (default false)
 * @param kernel from {@link gemmKernel} (default: one shared "auto" kernel)
 * @see Goto & van de Geijn (2008), ACM TOMS 34(3), §4
 */
export function gemmNT(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  m: number,
  n: number,
  k: number,
  accumulate = false,
  kernel?: GemmKernel,
): void {
  multiply("gemmNT", "n", "n", a, b, c, m, n, k, accumulate, kernel);
}

/**
 * $C \mathrel{(+)}= AB$: A (m, k), B (k, n), C (m, n) row-major (backward to the inputs, $G_H = G_Z W$).
 * @param a (m, k) row-major @param b (k, n) row-major @param c (m, n) row-major, written
 * @param accumulate add into c @param kernel from {@link gemmKernel}
 * @see Goto & van de Geijn (2008), ACM TOMS 34(3), §4
 */
export function gemmNN(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  m: number,
  n: number,
  k: number,
  accumulate = false,
  kernel?: GemmKernel,
): void {
  multiply("gemmNN", "n", "t", a, b, c, m, n, k, accumulate, kernel);
}

/**
 * $C \mathrel{(+)}= A^\top B$: A (k, m), B (k, n), C (m, n) row-major (weight gradient, $G_W = G_Z^\top H$).
 * @param a (k, m) row-major @param b (k, n) row-major @param c (m, n) row-major, written
 * @param accumulate add into c @param kernel from {@link gemmKernel}
 * @see Goto & van de Geijn (2008), ACM TOMS 34(3), §4
 */
export function gemmTN(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  m: number,
  n: number,
  k: number,
  accumulate = false,
  kernel?: GemmKernel,
): void {
  multiply("gemmTN", "t", "t", a, b, c, m, n, k, accumulate, kernel);
}
