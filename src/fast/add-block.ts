import { requireInteger } from "../base";
import { requireArrayOf } from "./check";

/**
 * $\text{dst}_{d_0 + r d_s + j} \mathrel{+}= \text{src}_{s_0 + r s_s + j}$ for $r < \text{rows}$,
 * $j < w$, rows in order: a block added into another, either stride 0 (a bias row added to every
 * row: $s_s = 0$; column sums into one row: $d_s = 0$) or a row-major block of another width (a
 * padded GEMM result added into C). Each entry is one addition, and the entries of one
 * destination are added rows first to last, as in the plain double loop (`addBias`,
 * `columnSums` of src/nn/layer-ops.ts, the accumulate of src/linalg/gemm.ts), so the results are
 * bit-identical (test/fast/add-block.test.ts). Fast because each row is unrolled by four: V8
 * reloads a typed array's length and data pointer after each loop back edge (seen with perf), and
 * four entries per trip amortise that.
 * @param dst written at $d_0 + r d_s + j$
 * @param dOff $d_0$, an integer ≥ 0
 * @param dStride $d_s$, an integer ≥ 0
 * @param src read at $s_0 + r s_s + j$
 * @param sOff $s_0$, an integer ≥ 0
 * @param sStride $s_s$, an integer ≥ 0
 * @param rows number of rows, an integer ≥ 0
 * @param w row width, an integer ≥ 0
 * @see Goto & van de Geijn (2008), ACM TOMS 34(3), §4 (the update of C after the micro-kernel)
 */
export function addBlock(
  dst: Float64Array,
  dOff: number,
  dStride: number,
  src: Float64Array,
  sOff: number,
  sStride: number,
  rows: number,
  w: number,
): void {
  const fn = "addBlock";
  requireInteger(fn, "dOff", dOff, 0);
  requireInteger(fn, "dStride", dStride, 0);
  requireInteger(fn, "sOff", sOff, 0);
  requireInteger(fn, "sStride", sStride, 0);
  requireInteger(fn, "rows", rows, 0);
  requireInteger(fn, "w", w, 0);
  const last = rows === 0 || w === 0 ? -1 : rows - 1; // the last row touched, −1 for none
  requireArrayOf(fn, "dst", dst, last < 0 ? 0 : dOff + last * dStride + w);
  requireArrayOf(fn, "src", src, last < 0 ? 0 : sOff + last * sStride + w);
  for (let r = 0; r < rows; r++) {
    const d = dOff + r * dStride;
    const s = sOff + r * sStride;
    let j = 0;
    for (; j + 3 < w; j += 4) {
      dst[d + j] += src[s + j];
      dst[d + j + 1] += src[s + j + 1];
      dst[d + j + 2] += src[s + j + 2];
      dst[d + j + 3] += src[s + j + 3];
    }
    for (; j < w; j++) dst[d + j] += src[s + j];
  }
}
