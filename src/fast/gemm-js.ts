/**
 * The plain-JavaScript micro-kernel of {@link gemmPacked}: $C = AB^\top$ on packed operands in a
 * 2 × 4 register block, k innermost, each entry summed $p = 0, 1, \dots$ from 0, as the reference
 * `gemmReference` sums it, so bit-identical (test/fast/gemm-packed.test.ts). 2.5 GFLOP/s here on
 * 512 × 128 × 128 against 7 for the WebAssembly kernel: the fallback where SIMD is unavailable.
 * @see K. Goto & R. van de Geijn (2008), ACM TOMS 34(3), §4 (register blocking of the micro-kernel)
 */
import type { GemmMicroKernel } from "./gemm-packed";
import { requireCaller, requireReserveArgs, requireRunArgs } from "./gemm-run-args";

const ROWS = 2; // rows of A per block
const COLS = 4; // rows of B per block

/**
 * A fresh 2 × 4 plain-JavaScript micro-kernel with its own scratch (grown by `reserve`).
 * @param caller what errors call the kernel's methods (`${caller}.run`): a factory that hands
 *   this kernel to its user passes its own name
 */
export function createJsGemm(caller = "createJsGemm"): GemmMicroKernel {
  requireCaller("createJsGemm", caller);
  const [reserveName, runName] = [`${caller}.reserve`, `${caller}.run`];
  let view = new Float64Array(1024);
  return {
    rows: ROWS,
    cols: COLS,
    get view(): Float64Array {
      return view;
    },
    reserve(doubles: number): void {
      requireReserveArgs(reserveName, doubles);
      if (view.length < doubles) view = new Float64Array(doubles);
    },
    run(a: number, b: number, c: number, m: number, n: number, k: number): void {
      requireRunArgs(runName, view, ROWS, COLS, a, b, c, m, n, k);
      const v = view;
      for (let i = 0; i < m; i += 2) {
        const a0 = a + i * k;
        const a1 = a0 + k;
        for (let j = 0; j < n; j += 4) {
          const b0 = b + j * k;
          const b1 = b0 + k;
          const b2 = b1 + k;
          const b3 = b2 + k;
          let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0; // prettier-ignore
          for (let p = 0; p < k; p++) {
            const x0 = v[a0 + p];
            const x1 = v[a1 + p];
            const y0 = v[b0 + p];
            const y1 = v[b1 + p];
            const y2 = v[b2 + p];
            const y3 = v[b3 + p];
            c00 += x0 * y0;
            c01 += x0 * y1;
            c02 += x0 * y2;
            c03 += x0 * y3;
            c10 += x1 * y0;
            c11 += x1 * y1;
            c12 += x1 * y2;
            c13 += x1 * y3;
          }
          const o = c + i * n + j;
          v[o] = c00;
          v[o + 1] = c01;
          v[o + 2] = c02;
          v[o + 3] = c03;
          v[o + n] = c10;
          v[o + n + 1] = c11;
          v[o + n + 2] = c12;
          v[o + n + 3] = c13;
        }
      }
    },
  };
}
