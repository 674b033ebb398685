/**
 * The float32 kernels of a network's passes, on one memory that holds all their buffers (so no
 * pass copies between kernels): $C = I + AB$ by strides (GEMM), SiLU with its derivative,
 * the Hadamard product and column sums. `"wasm"` runs f32x4 WebAssembly SIMD; `"js"` is the
 * plain-JavaScript twin with every operation rounded by `Math.fround`, bit-identical to it
 * (test/fast/f32-kernels.test.ts). Float32 rounds each operation to $u = 2^{-24} \approx
 * 6\cdot10^{-8}$ relative (float64: $2^{-53}$): a dot product of length k is within
 * $\gamma_k\sum|a_p b_p|$, $\gamma_k \approx ku$ (Higham 2002, eq. (3.5)), so results agree with
 * float64 to about 1e-6 relative, and tolerances that assumed float64 (1e-12) must be re-derived.
 * Offsets, strides and lengths are in floats, checked once per call.
 * @see K. Goto & R. van de Geijn (2008), ACM TOMS 34(3), §4; Higham (2002), Accuracy and Stability of Numerical Algorithms, §3.1
 */
import { describeValue, requireInteger } from "../base";
import {
  columnSumsF32Function,
  columnSumsF32Js,
  hadamardF32Function,
  hadamardF32Js,
} from "./f32-elementwise";
import { GEMM_COLV, GEMM_ROWS, gemmF32Function } from "./gemm-f32-wasm";
import { siluF32Function, siluF32Js } from "./silu-f32";
import { assembleModule, moduleFactory } from "./wasm-module";

/** Float32 kernels with their own growable memory (see the file's comment). */
export interface F32Kernels {
  /** "wasm" (f32x4 SIMD) or "js" (Math.fround) */
  readonly kind: "wasm" | "js";
  /** gemm's m must be a multiple of this */
  readonly rows: number;
  /** gemm's n must be a multiple of this */
  readonly cols: number;
  /** the memory as floats; re-read after reserve */
  readonly view: Float32Array;
  /** grows the memory to hold at least `floats` values (views taken before are then stale) */
  reserve(floats: number): void;
  /**
   * $C_{ij} = I_{ij} + \sum_{p<k} A_{ip}B_{pj}$, summed from I in the order p = 0, 1, …; A (i, p) at
   * a + i·sAi + p·sAp, B (p, j) at b + p·sBp + j, C (i, j) at c + i·sCi + j, I (i, j) at
   * init + i·sInit + j, or I = 0 when init is −1. m a multiple of `rows`, n of `cols`, k ≥ 1.
   */
  gemm(
    a: number, sAi: number, sAp: number, b: number, sBp: number, c: number, sCi: number,
    init: number, sInit: number, m: number, n: number, k: number,
  ): void; // prettier-ignore
  /** h = SiLU(z), d = SiLU′(z) for len floats (a multiple of 4) at offsets z, h, d. */
  silu(z: number, h: number, d: number, len: number): void;
  /** g ← g ⊙ d for len floats (a multiple of 4). */
  hadamard(g: number, d: number, len: number): void;
  /** out_j = Σ_{r<rows} g[r·stride + j] for j < width (a multiple of 4), rows added in order from 0. */
  columnSums(g: number, stride: number, out: number, rows: number, width: number): void;
}

const wasmModule = moduleFactory(() =>
  assembleModule([
    gemmF32Function(),
    siluF32Function(),
    hadamardF32Function(),
    columnSumsF32Function(),
  ]),
);

/** Throws unless every value is an integer ≥ 0 (≥ −1 for `init`). */
function checkArgs(fn: string, names: string[], values: number[]): void {
  values.forEach((x, i) => requireInteger(fn, names[i], x, names[i] === "init" ? -1 : 0));
}

function requireMultiple(fn: string, name: string, x: number, q: number, min = 0): void {
  requireInteger(fn, name, x, min);
  if (x % q !== 0) throw new RangeError(`${fn}: ${name} must be a multiple of ${q}, got ${x}`);
}

function requireWithin(fn: string, name: string, last: number, size: number): void {
  if (last > size) {
    throw new RangeError(
      `${fn}: ${name} reaches float ${last}, beyond the memory of ${size} floats (call reserve)`,
    );
  }
}

/** The checked front of a kernel set: `raw` runs unchecked on float offsets. */
function front(
  caller: string,
  kind: "wasm" | "js",
  size: () => number,
  view: () => Float32Array,
  reserve: (floats: number) => void,
  raw: Omit<F32Kernels, "kind" | "rows" | "cols" | "view" | "reserve">,
): F32Kernels {
  const N = (s: string): string => `${caller}.${s}`;
  return {
    kind,
    rows: GEMM_ROWS,
    cols: 4 * GEMM_COLV,
    get view(): Float32Array {
      return view();
    },
    reserve(floats: number): void {
      requireInteger(N("reserve"), "floats", floats, 0);
      reserve(floats);
    },
    gemm(a, sAi, sAp, b, sBp, c, sCi, init, sInit, m, n, k): void {
      const fn = N("gemm");
      checkArgs(fn, ["a", "sAi", "sAp", "b", "sBp", "c", "sCi", "init", "sInit"], [a, sAi, sAp, b, sBp, c, sCi, init, sInit]); // prettier-ignore
      requireMultiple(fn, "m", m, GEMM_ROWS, 1);
      requireMultiple(fn, "n", n, 4 * GEMM_COLV, 1);
      requireInteger(fn, "k", k, 1);
      const s = size();
      requireWithin(fn, "a", a + (m - 1) * sAi + (k - 1) * sAp + 1, s);
      requireWithin(fn, "b", b + (k - 1) * sBp + n, s);
      requireWithin(fn, "c", c + (m - 1) * sCi + n, s);
      if (init >= 0) requireWithin(fn, "init", init + (m - 1) * sInit + n, s);
      raw.gemm(a, sAi, sAp, b, sBp, c, sCi, init, sInit, m, n, k);
    },
    silu(z, h, d, len): void {
      const fn = N("silu");
      checkArgs(fn, ["z", "h", "d"], [z, h, d]);
      requireMultiple(fn, "len", len, 4);
      for (const [name, o] of [["z", z], ["h", h], ["d", d]] as const) requireWithin(fn, name, o + len, size()); // prettier-ignore
      if (len > 0) raw.silu(z, h, d, len);
    },
    hadamard(g, d, len): void {
      const fn = N("hadamard");
      checkArgs(fn, ["g", "d"], [g, d]);
      requireMultiple(fn, "len", len, 4);
      requireWithin(fn, "g", g + len, size());
      requireWithin(fn, "d", d + len, size());
      if (len > 0) raw.hadamard(g, d, len);
    },
    columnSums(g, stride, out, rows, width): void {
      const fn = N("columnSums");
      checkArgs(fn, ["g", "stride", "out", "rows"], [g, stride, out, rows]);
      requireMultiple(fn, "width", width, 4);
      if (rows > 0) requireWithin(fn, "g", g + (rows - 1) * stride + width, size());
      requireWithin(fn, "out", out + width, size());
      if (width === 0) return;
      if (rows === 0) view().fill(0, out, out + width);
      else raw.columnSums(g, stride, out, rows, width);
    },
  };
}

function requireCallerName(fn: string, caller: unknown): string {
  if (typeof caller !== "string" || caller === "") {
    throw new TypeError(`${fn}: caller must be a non-empty string, got ${describeValue(caller)}`);
  }
  return caller;
}

/**
 * The f32x4 WebAssembly kernels with their own growable memory, or null where WebAssembly SIMD
 * is unavailable (then use {@link createJsF32Kernels}).
 * @param caller what errors call the methods (`${caller}.gemm`); default "createWasmF32Kernels"
 * @see K. Goto & R. van de Geijn (2008), ACM TOMS 34(3), §4
 */
export function createWasmF32Kernels(caller = "createWasmF32Kernels"): F32Kernels | null {
  requireCallerName("createWasmF32Kernels", caller);
  const wasm = wasmModule();
  if (wasm === null) return null;
  const { mem, fns } = wasm;
  let view = new Float32Array(mem.buffer);
  const B = 4; // bytes per float
  return front(
    caller,
    "wasm",
    () => view.length,
    () => view,
    (floats) => {
      const need = floats * B - mem.buffer.byteLength;
      if (need > 0) {
        mem.grow(Math.ceil(need / 65536));
        view = new Float32Array(mem.buffer);
      }
    },
    {
      gemm: (a, sAi, sAp, b, sBp, c, sCi, init, sInit, m, n, k) =>
        fns.gemm(a * B, sAi * B, sAp * B, b * B, sBp * B, c * B, sCi * B, init < 0 ? -1 : init * B, sInit * B, m, n, k), // prettier-ignore
      silu: (z, h, d, len) => fns.silu(z * B, h * B, d * B, len),
      hadamard: (g, d, len) => fns.hadamard(g * B, d * B, len),
      columnSums: (g, stride, out, rows, width) =>
        fns.colsum(g * B, stride * B, out * B, rows, width),
    },
  );
}

/**
 * The plain-JavaScript twin of {@link createWasmF32Kernels}: the same operations in the same
 * order, each rounded by `Math.fround`, so bit-identical; the fallback without SIMD.
 * @param caller what errors call the methods; default "createJsF32Kernels"
 * @see Higham (2002), Accuracy and Stability of Numerical Algorithms, §3.1 (rounding model)
 */
export function createJsF32Kernels(caller = "createJsF32Kernels"): F32Kernels {
  requireCallerName("createJsF32Kernels", caller);
  let view = new Float32Array(16384);
  const f = Math.fround;
  return front(
    caller,
    "js",
    () => view.length,
    () => view,
    (floats) => {
      if (view.length < floats) {
        const next = new Float32Array(Math.ceil(floats / 16384) * 16384);
        next.set(view);
        view = next;
      }
    },
    {
      gemm(a, sAi, sAp, b, sBp, c, sCi, init, sInit, m, n, k) {
        const v = view;
        const row = new Float32Array(n);
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < n; j++) row[j] = init < 0 ? 0 : v[init + i * sInit + j];
          for (let j = 0; j < n; j++) {
            let s = row[j];
            for (let p = 0; p < k; p++) s = f(s + f(v[a + i * sAi + p * sAp] * v[b + p * sBp + j]));
            row[j] = s;
          }
          v.set(row, c + i * sCi);
        }
      },
      silu: (z, h, d, len) => siluF32Js(view, z, h, d, len),
      hadamard: (g, d, len) => hadamardF32Js(view, g, d, len),
      columnSums: (g, stride, out, rows, width) =>
        columnSumsF32Js(view, g, stride, out, rows, width),
    },
  );
}
