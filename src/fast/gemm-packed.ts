/**
 * $C \mathrel{(+)}= \mathrm{op}(A)\,\mathrm{op}(B)^\top$ through a packed micro-kernel: the fast
 * twin of `gemmReference` (src/linalg/gemm.ts). Both operands are copied, zero-padded, into the
 * kernel's scratch as row-major (rows, k) panels (a transposed operand is transposed on the way,
 * in 8 × 8 tiles), the micro-kernel computes the padded product there, and the result is copied
 * or added into C. With the plain-JavaScript kernel ({@link createJsGemm}) each entry is the same
 * sum in the same order as the reference, so bit-identical; the WebAssembly kernel
 * ({@link createWasmGemm}) sums even and odd k in two lanes, within the bound of
 * test/fast/gemm-packed.test.ts.
 * @see K. Goto & R. van de Geijn (2008), ACM TOMS 34(3), §4 (packing; register blocking)
 */
import { describeValue, requireBoolean, requireInteger } from "../base";
import { addBlock } from "./add-block";
import { requireArrayOf } from "./check";

/**
 * A micro-kernel with its own scratch: operands are packed into `view` (A (m, k), B (n, k),
 * row-major, m a multiple of `rows`, n of `cols`, k even) and `run` writes C = A Bᵀ (m, n) there.
 */
export interface GemmMicroKernel {
  /** rows of A per register block */
  readonly rows: number;
  /** rows of B per register block */
  readonly cols: number;
  /** the scratch as doubles; re-read after reserve */
  readonly view: Float64Array;
  /** grows the scratch to hold at least `doubles` values */
  reserve(doubles: number): void;
  /** C = A Bᵀ at double offsets a, b, c of the scratch */
  run(a: number, b: number, c: number, m: number, n: number, k: number): void;
}

/** How an operand is stored: "n" as (rows, k), "t" transposed, as (k, rows). */
export type GemmOp = "n" | "t";

/**
 * Copies src into view at `off` as (rowsPad, kPad) row-major, zero-padded: for op "n" src is
 * (rows, k), for "t" src is (k, rows) and is transposed on the way.
 */
function pack(
  view: Float64Array,
  off: number,
  src: Float64Array,
  op: GemmOp,
  rows: number,
  k: number,
  rowsPad: number,
  kPad: number,
): void {
  if (op === "n") {
    if (k === kPad) view.set(src.subarray(0, rows * k), off);
    else {
      for (let i = 0; i < rows; i++) {
        view.set(src.subarray(i * k, i * k + k), off + i * kPad);
        view[off + i * kPad + k] = 0;
      }
    }
  } else {
    // 8 × 8 tiles: reads and writes both stay within a few cache lines (3-4x faster than by rows)
    for (let p0 = 0; p0 < k; p0 += 8) {
      const p1 = p0 + 8 < k ? p0 + 8 : k;
      for (let i0 = 0; i0 < rows; i0 += 8) {
        const i1 = i0 + 8 < rows ? i0 + 8 : rows;
        for (let i = i0; i < i1; i++) {
          const o = off + i * kPad;
          if (p1 - p0 === 8) {
            // a full tile row written out: V8 reloads typed-array pointers after each back edge
            const q = p0 * rows + i;
            view[o + p0] = src[q];
            view[o + p0 + 1] = src[q + rows];
            view[o + p0 + 2] = src[q + 2 * rows];
            view[o + p0 + 3] = src[q + 3 * rows];
            view[o + p0 + 4] = src[q + 4 * rows];
            view[o + p0 + 5] = src[q + 5 * rows];
            view[o + p0 + 6] = src[q + 6 * rows];
            view[o + p0 + 7] = src[q + 7 * rows];
          } else for (let p = p0; p < p1; p++) view[o + p] = src[p * rows + i];
        }
      }
    }
    if (k !== kPad) for (let i = 0; i < rows; i++) view[off + i * kPad + k] = 0;
  }
  view.fill(0, off + rows * kPad, off + rowsPad * kPad);
}

/**
 * $C \mathrel{(+)}= \mathrm{op}(A)\,\mathrm{op}(B)^\top$, C (m, n) row-major, on `kernel`.
 * @param kernel a micro-kernel ({@link createJsGemm}, {@link createWasmGemm})
 * @param opA "n": a is (m, k); "t": a is (k, m)
 * @param opB "n": b is (n, k); "t": b is (k, n)
 * @param a row-major, at least m·k values
 * @param b row-major, at least n·k values
 * @param c (m, n) row-major, written (or added into)
 * @param m rows of C, a positive integer
 * @param n columns of C, a positive integer
 * @param k inner dimension, a positive integer
 * @param accumulate add into c instead of overwriting
 */
export function gemmPacked(
  kernel: GemmMicroKernel,
  opA: GemmOp,
  opB: GemmOp,
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  m: number,
  n: number,
  k: number,
  accumulate: boolean,
): void {
  const fn = "gemmPacked";
  if (
    kernel === null ||
    typeof kernel !== "object" ||
    typeof kernel.run !== "function" ||
    typeof kernel.reserve !== "function"
  ) {
    throw new TypeError(`${fn}: kernel must be a GemmMicroKernel, got ${describeValue(kernel)}`);
  }
  for (const [name, op] of [
    ["opA", opA],
    ["opB", opB],
  ] as const) {
    if (op !== "n" && op !== "t") {
      throw new TypeError(`${fn}: ${name} must be "n" or "t", got ${describeValue(op)}`);
    }
  }
  requireInteger(fn, "m", m, 1);
  requireInteger(fn, "n", n, 1);
  requireInteger(fn, "k", k, 1);
  requireArrayOf(fn, "a", a, m * k);
  requireArrayOf(fn, "b", b, n * k);
  requireArrayOf(fn, "c", c, m * n);
  requireBoolean(fn, "accumulate", accumulate);
  const mPad = Math.ceil(m / kernel.rows) * kernel.rows;
  const nPad = Math.ceil(n / kernel.cols) * kernel.cols;
  const kPad = k + (k & 1);
  const offB = mPad * kPad;
  const offC = offB + nPad * kPad;
  kernel.reserve(offC + mPad * nPad);
  const v = kernel.view;
  pack(v, 0, a, opA, m, k, mPad, kPad);
  pack(v, offB, b, opB, n, k, nPad, kPad);
  kernel.run(0, offB, offC, mPad, nPad, kPad);
  if (accumulate) addBlock(c, 0, n, v, offC, nPad, m, n);
  else if (n === nPad) c.set(v.subarray(offC, offC + m * n));
  else {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) c[i * n + j] = v[offC + i * nPad + j];
    }
  }
}
