import { requireInterface, requireOneOf } from "../base";
import { createJsGemm, createWasmGemm, type GemmMicroKernel } from "../fast";

/**
 * A GEMM micro-kernel with its own scratch, as {@link gemmNT} & co. run it: operands are packed
 * into `view` (A (m, k), B (n, k), row-major, m a multiple of `rows`, n of `cols`, k even) and
 * `run` writes $C = AB^\top$ (m, n) there.
 */
export interface GemmKernel extends GemmMicroKernel {
  /** "wasm" (f64x2 SIMD) or "js" */
  readonly kind: "wasm" | "js";
}

/**
 * A fresh GEMM micro-kernel with its own scratch memory: `"wasm"` (WebAssembly f64x2 SIMD, 2 × 4
 * register block, src/fast/gemm-wasm.ts) or `"js"` (the same blocking in plain JavaScript,
 * src/fast/gemm-js.ts); `"auto"` picks wasm where the engine validates SIMD. Throughput measured
 * in bench/score-matching.ts. $C_{ij} = \sum_p A_{ip}B_{jp}$ in both: "js" sums as
 * `gemmReference` does (bit-identical), "wasm" in two k-lanes (within a few ulp).
 * @param kind "auto" (default), "wasm" or "js"
 * @see K. Goto & R. van de Geijn (2008), "Anatomy of high-performance matrix multiplication", ACM TOMS 34(3), §4
 */
export function gemmKernel(kind: "auto" | "wasm" | "js" = "auto"): GemmKernel {
  requireOneOf("gemmKernel", "kind", kind, ["auto", "wasm", "js"] as const);
  const wasm = kind === "js" ? null : createWasmGemm("gemmKernel");
  if (kind === "wasm" && wasm === null) {
    throw new TypeError(
      'gemmKernel: kind "wasm" needs WebAssembly SIMD, which is not available here',
    );
  }
  const inner = wasm ?? createJsGemm("gemmKernel");
  return Object.freeze({
    kind: wasm === null ? "js" : "wasm",
    rows: inner.rows,
    cols: inner.cols,
    get view(): Float64Array {
      return inner.view;
    },
    reserve: inner.reserve,
    run: inner.run,
  } as const);
}

/**
 * Throws a TypeError unless `kernel` is undefined (the shared default) or a GemmKernel (an object
 * with `run` and `reserve`): `fn: kernel must be a GemmKernel (from gemmKernel) or undefined`.
 */
export function requireGemmKernel(fn: string, name: string, kernel: unknown): void {
  if (kernel === undefined) return;
  requireInterface(fn, name, kernel, "a GemmKernel (from gemmKernel) or undefined", [
    "run",
    "reserve",
  ]);
}
