/**
 * The WebAssembly SIMD micro-kernel of {@link gemmPacked} (what `gemmNT` & co. run by default):
 * $C = AB^\top$ with A (m, k), B (n, k), C (m, n) row-major in the module's memory, m a multiple
 * of 2, n of 4, k of 2. A 2 × 4 block of C lives in eight f64x2 accumulators (two k-lanes each)
 * while k runs innermost over contiguous rows; the lanes are summed at the end, so entry (i, j) is
 * $\sum_{p\ \mathrm{even}} + \sum_{p\ \mathrm{odd}}$, each sum in order (f64x2 has no fused
 * multiply-add): test/fast/gemm-packed.test.ts checks that bit for bit, and the distance to the
 * plain sum of `gemmReference` against its rounding-error bound. Measured here (512 × 128 × 128):
 * 2 × 4 blocks 7.1 GFLOP/s, 4 × 4 5.5, 4 × 2 6.5, 2 × 2 4.0, against 1.3 for the best plain-JS
 * 4 × 4 kernel.
 * @see K. Goto & R. van de Geijn (2008), ACM TOMS 34(3), §4 (register blocking of the micro-kernel)
 */
import type { GemmMicroKernel } from "./gemm-packed";
import { requireCaller, requireReserveArgs, requireRunArgs } from "./gemm-run-args";
import * as w from "./wasm-emit";

const ROWS = 2; // rows of A per block
const COLS = 4; // rows of B per block

/** The kernel's bytes: gemm(a, b, c, m, n, k), byte offsets a, b, c. */
function kernelBytes(): Uint8Array {
  const [a, b, c, m, n, k] = [0, 1, 2, 3, 4, 5];
  let next = 6;
  const [p, k8, pa, pb, pc, aEnd, bEnd] = Array.from({ length: 7 }, () => next++);
  const acc = Array.from({ length: ROWS * COLS }, () => next++);
  const va = Array.from({ length: ROWS }, () => next++);
  const vb = Array.from({ length: COLS }, () => next++);
  const locals = [
    ...new Array<number>(7).fill(w.I32),
    ...new Array<number>(next - 13).fill(w.V128),
  ];
  const {
    localGet: get,
    localSet: set,
    localTee: tee,
    i32Const: int,
    i32Add: add,
    i32Mul: mul,
  } = w;
  const row = (base: number, r: number): w.Code => [
    get(base),
    get(p),
    add,
    r === 0 ? [] : [get(k8), int(r), mul, add],
    w.v128Load,
  ];
  const inner: w.Code[] = [];
  va.forEach((v, r) => inner.push(row(pa, r), set(v)));
  vb.forEach((v, j) => inner.push(row(pb, j), set(v)));
  for (let r = 0; r < ROWS; r++) {
    for (let j = 0; j < COLS; j++) {
      const s = acc[r * COLS + j];
      inner.push(get(s), get(va[r]), get(vb[j]), w.f64x2Mul, w.f64x2Add, set(s));
    }
  }
  inner.push(get(p), int(16), add, tee(p), get(k8), w.i32LtU, w.brIf(0));
  const stores: w.Code[] = [];
  for (let r = 0; r < ROWS; r++) {
    for (let j = 0; j < COLS; j++) {
      const s = acc[r * COLS + j];
      const addr = [get(pc), r === 0 ? [] : [get(n), int(8 * r), mul, add]];
      stores.push(
        addr,
        get(s),
        w.f64x2Lane(0),
        get(s),
        w.f64x2Lane(1),
        w.f64Add,
        w.f64Store(8 * j),
      );
    }
  }
  const blockLoop = w.loop(
    acc.map((s) => [w.v128Zero, set(s)]),
    int(0),
    set(p),
    w.loop(inner),
    stores,
    [get(pc), int(8 * COLS), add, set(pc)],
    [get(pb), get(k8), int(COLS), mul, add, tee(pb), get(bEnd), w.i32LtU, w.brIf(0)],
  );
  const body = [
    [get(k), int(3), w.i32Shl, set(k8)],
    [get(a), get(m), get(k8), mul, add, set(aEnd)],
    [get(b), get(n), get(k8), mul, add, set(bEnd)],
    [get(a), set(pa), get(c), set(pc)],
    w.loop(
      [get(b), set(pb)],
      blockLoop,
      [get(pc), get(n), int(8 * (ROWS - 1)), mul, add, set(pc)],
      [get(pa), get(k8), int(ROWS), mul, add, tee(pa), get(aEnd), w.i32LtU, w.brIf(0)],
    ),
  ];
  return w.assemble("gemm", 6, locals, body);
}

/**
 * Compiles the kernel with its own growable memory, or returns null where WebAssembly SIMD is
 * unavailable. A {@link GemmMicroKernel} for {@link gemmPacked}.
 * @param caller what errors call the kernel's methods (`${caller}.run`): a factory that hands
 *   this kernel to its user passes its own name
 */
export function createWasmGemm(caller = "createWasmGemm"): GemmMicroKernel | null {
  requireCaller("createWasmGemm", caller);
  const [reserveName, runName] = [`${caller}.reserve`, `${caller}.run`];
  const wasm = w.instantiate(kernelBytes());
  if (wasm === null) return null;
  const { mem, fn } = wasm;
  let view = new Float64Array(mem.buffer);
  return {
    rows: ROWS,
    cols: COLS,
    get view(): Float64Array {
      return view;
    },
    reserve(doubles: number): void {
      requireReserveArgs(reserveName, doubles);
      const need = doubles * 8 - mem.buffer.byteLength;
      if (need > 0) {
        mem.grow(Math.ceil(need / 65536));
        view = new Float64Array(mem.buffer);
      }
    },
    run(a: number, b: number, c: number, m: number, n: number, k: number): void {
      requireRunArgs(runName, view, ROWS, COLS, a, b, c, m, n, k);
      fn(a * 8, b * 8, c * 8, m, n, k);
    },
  };
}
