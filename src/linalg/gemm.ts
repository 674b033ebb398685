import { requireBoolean, requireFloat64Array, requireInteger } from "../base";
import { gemmPacked } from "../fast";
import { gemmKernel, requireGemmKernel, type GemmKernel } from "./gemm-kernel";

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

/**
 * The signature of the three products: C (m, n) from A and B, all row-major, added into when
 * `accumulate` (default false), with `kernel` from {@link gemmKernel} (default: one shared
 * "auto" kernel).
 */
export type GemmProduct = (
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  m: number,
  n: number,
  k: number,
  accumulate?: boolean,
  kernel?: GemmKernel,
) => void;

/**
 * One product of the family, as named (`fn`, for its errors) and with its operands' layouts for
 * `gemmPacked` ("t": B stored (k, n) is read as Bᵀ; "n" as stored): the checks at the boundary
 * are the same for all three.
 */
function product(fn: string, opA: "n" | "t", opB: "n" | "t"): GemmProduct {
  return (a, b, c, m, n, k, accumulate = false, kernel) => {
    requireInteger(fn, "m", m, 1);
    requireInteger(fn, "n", n, 1);
    requireInteger(fn, "k", k, 1);
    requireFloat64Array(fn, "a", a, { min: m * k });
    requireFloat64Array(fn, "b", b, { min: n * k });
    requireFloat64Array(fn, "c", c, { min: m * n });
    requireBoolean(fn, "accumulate", accumulate);
    requireGemmKernel(fn, "kernel", kernel);
    const K = kernel ?? (DEFAULT.kernel ??= gemmKernel("auto"));
    gemmPacked(K, opA, opB, a, b, c, m, n, k, accumulate);
  };
}

/**
 * $C \mathrel{(+)}= AB^\top$: A (m, k), B (n, k), C (m, n), all row-major (a dense layer's
 * forward pass $Z = HW^\top$). Operands are packed, zero-padded, into the kernel's scratch.
 * @param a (m, k) row-major @param b (n, k) row-major @param c (m, n) row-major, written
 * @param accumulate add into c instead of overwriting (default false)
 * @param kernel from {@link gemmKernel} (default: one shared "auto" kernel)
 * @see Goto & van de Geijn (2008), ACM TOMS 34(3), §4
 */
export const gemmNT: GemmProduct = product("gemmNT", "n", "n");

/**
 * $C \mathrel{(+)}= AB$: A (m, k), B (k, n), C (m, n) row-major (backward to the inputs, $G_H = G_Z W$).
 * @param a (m, k) row-major @param b (k, n) row-major @param c (m, n) row-major, written
 * @param accumulate add into c @param kernel from {@link gemmKernel}
 * @see Goto & van de Geijn (2008), ACM TOMS 34(3), §4
 */
export const gemmNN: GemmProduct = product("gemmNN", "n", "t");

/**
 * $C \mathrel{(+)}= A^\top B$: A (k, m), B (k, n), C (m, n) row-major (weight gradient, $G_W = G_Z^\top H$).
 * @param a (k, m) row-major @param b (k, n) row-major @param c (m, n) row-major, written
 * @param accumulate add into c @param kernel from {@link gemmKernel}
 * @see Goto & van de Geijn (2008), ACM TOMS 34(3), §4
 */
export const gemmTN: GemmProduct = product("gemmTN", "t", "t");
