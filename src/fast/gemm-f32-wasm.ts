/**
 * The WebAssembly f32x4 GEMM of the float32 kernels ({@link createWasmF32Kernels}):
 * $C_{ij} = I_{ij} + \sum_{p<k} A_{ip} B_{pj}$ with every operand addressed by strides (A
 * $(i, p)$ at $a + i\,s_{Ai} + p\,s_{Ap}$, B $(p, j)$ at $b + p\,s_{Bp} + j$, C and the initial
 * value I row-major with row strides; I zero, C itself to accumulate, or a bias row with stride
 * 0), so neither a transposed A nor a (k, n) B is copied. A block of `ROWS` rows × `4·COLV`
 * columns of C lives in f32x4 accumulators; each step of p broadcasts $A_{ip}$ (load32_splat)
 * against `COLV` vectors of a row of B. Each entry is summed from I in the order p = 0, 1, …
 * with one f32 rounding per product and per sum (f32x4 has no fused multiply-add), which is what
 * `gemmF32Reference` (src/linalg) does with `Math.fround`: bit-identical (test/fast/f32-kernels.test.ts).
 * @internal
 * @see K. Goto & R. van de Geijn (2008), ACM TOMS 34(3), §4 (register blocking; broadcast form)
 */
import * as w from "./wasm-emit";
import * as v from "./wasm-module";

/** rows of C per register block */
export const GEMM_ROWS = 4;
/** f32x4 vectors across a register block: 4·COLV columns */
export const GEMM_COLV = 2;

/**
 * gemm(a, sAi, sAp, b, sBp, c, sCi, init, sInit, m, n, k): byte addresses and byte strides; init
 * < 0 starts from zero; m a multiple of ROWS, n of 4·COLV, k ≥ 1.
 */
export function gemmF32Function(rows = GEMM_ROWS, colv = GEMM_COLV): v.WasmFunction {
  const [a, sAi, sAp, b, sBp, c, sCi, init, sInit, m, n, k] = Array.from(
    { length: 12 },
    (_, i) => i,
  );
  let next = 12;
  const i32 = (): number => next++;
  const [jb, ib, rowA, rowC, rowI, pb, q, nBytes] = Array.from({ length: 8 }, i32);
  const ar = Array.from({ length: rows }, i32);
  const nI32 = next - 12;
  const acc = Array.from({ length: rows * colv }, () => next++);
  const va = next++;
  const vb = Array.from({ length: colv }, () => next++);
  const locals = [
    ...new Array<number>(nI32).fill(w.I32),
    ...new Array<number>(next - 12 - nI32).fill(w.V128),
  ];
  const {
    localGet: get,
    localSet: set,
    localTee: tee,
    i32Const: int,
    i32Add: add,
    i32Mul: mul,
  } = w;
  const rowAddr = (base: number, stride: number, r: number): w.Code =>
    r === 0 ? get(base) : [get(base), get(stride), int(r), mul, add];
  const inner: w.Code[] = [];
  vb.forEach((x, j) => inner.push(get(pb), v.v128LoadAt(16 * j), set(x)));
  for (let r = 0; r < rows; r++) {
    inner.push(get(ar[r]), v.v128Load32Splat(0), set(va));
    for (let j = 0; j < colv; j++) {
      const s = acc[r * colv + j];
      inner.push(get(s), get(va), get(vb[j]), v.f32x4Mul, v.f32x4Add, set(s));
    }
    inner.push(get(ar[r]), get(sAp), add, set(ar[r]));
  }
  inner.push([get(pb), get(sBp), add, set(pb)]);
  inner.push([get(q), int(1), w.i32Sub, tee(q), w.brIf(0)]);
  const zero: w.Code[] = acc.map((s) => [w.v128Zero, set(s)]);
  const load: w.Code[] = [];
  const store: w.Code[] = [];
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < colv; j++) {
      const s = acc[r * colv + j];
      load.push(rowAddr(rowI, sInit, r), get(jb), add, v.v128LoadAt(16 * j), set(s));
      store.push(rowAddr(rowC, sCi, r), get(jb), add, get(s), v.v128StoreAt(16 * j));
    }
  }
  const rowBlock = w.loop(
    ar.map((x, r) => [rowAddr(rowA, sAi, r), set(x)]),
    [get(init), int(0), w.i32GeS],
    v.ifElse(load, zero),
    [get(b), get(jb), add, set(pb), get(k), set(q)],
    w.loop(inner),
    store,
    [get(rowA), get(sAi), int(rows), mul, add, set(rowA)],
    [get(rowC), get(sCi), int(rows), mul, add, set(rowC)],
    [get(rowI), get(sInit), int(rows), mul, add, set(rowI)],
    [get(ib), int(rows), add, tee(ib), get(m), w.i32LtU, w.brIf(0)],
  );
  const body = [
    [get(n), int(2), w.i32Shl, set(nBytes), int(0), set(jb)],
    w.loop(
      [int(0), set(ib), get(a), set(rowA), get(c), set(rowC), get(init), set(rowI)],
      rowBlock,
      [get(jb), int(16 * colv), add, tee(jb), get(nBytes), w.i32LtU, w.brIf(0)],
    ),
  ];
  return { name: "gemm", params: 12, locals, body };
}
