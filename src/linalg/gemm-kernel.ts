import { describeValue } from "../base";
/**
 * $C = AB^\top$ on packed operands: the interface of the two micro-kernels (WebAssembly SIMD and
 * plain JavaScript) and the plain-JavaScript one, a 2 × 4 register block with k innermost.
 * @internal
 * @see K. Goto & R. van de Geijn (2008), ACM TOMS 34(3), §4
 */
import { createWasmGemm } from "../fast";

/**
 * A micro-kernel with its own scratch: operands are packed into `view` (A (m, k), B (n, k),
 * row-major, m a multiple of `rows`, n of `cols`, k even) and `run` writes C (m, n) there.
 */
export interface GemmKernel {
  /** "wasm" (f64x2 SIMD) or "js" */
  readonly kind: "wasm" | "js";
  readonly rows: number;
  readonly cols: number;
  /** the scratch as doubles; re-read after reserve */
  view: Float64Array;
  reserve(doubles: number): void;
  run(a: number, b: number, c: number, m: number, n: number, k: number): void;
}

function createJsGemm(): GemmKernel {
  const kernel: GemmKernel = {
    kind: "js",
    rows: 2,
    cols: 4,
    view: new Float64Array(1024),
    reserve(doubles: number): void {
      if (kernel.view.length < doubles) kernel.view = new Float64Array(doubles);
    },
    run(a: number, b: number, c: number, m: number, n: number, k: number): void {
      const v = kernel.view;
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
  return kernel;
}

/**
 * A fresh GEMM micro-kernel with its own scratch memory: `"wasm"` (WebAssembly f64x2 SIMD, 2 × 4
 * register block) or `"js"` (the same blocking in plain JavaScript); `"auto"` picks wasm where the
 * engine validates SIMD. Throughput measured in bench/score-matching.ts.
 * $C_{ij} = \sum_p A_{ip}B_{jp}$ in both, summed in the same order up to the k-lane split.
 * @param kind "auto" (default), "wasm" or "js"
 * @see K. Goto & R. van de Geijn (2008), "Anatomy of high-performance matrix multiplication", ACM TOMS 34(3), §4
 */
export function gemmKernel(kind: "auto" | "wasm" | "js" = "auto"): GemmKernel {
  if (kind !== "auto" && kind !== "wasm" && kind !== "js") {
    throw new RangeError(
      `gemmKernel: kind must be "auto", "wasm" or "js", got ${describeValue(kind)}`,
    );
  }
  if (kind === "js") return createJsGemm();
  const wasm = createWasmGemm();
  if (wasm) {
    const k: GemmKernel = {
      kind: "wasm",
      rows: wasm.rows,
      cols: wasm.cols,
      view: wasm.view,
      reserve(doubles: number): void {
        wasm.reserve(doubles);
        k.view = wasm.view;
      },
      run: wasm.run,
    };
    return k;
  }
  if (kind === "wasm") throw new TypeError("gemmKernel: WebAssembly SIMD is not available here");
  return createJsGemm();
}
