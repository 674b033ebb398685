/**
 * The f32x4 element and row kernels of the float32 network path: the Hadamard product
 * $g_i \leftarrow g_i d_i$ and column sums $o_j = \sum_{r} g_{r j}$ (rows added first to last,
 * from 0), each with its plain-JavaScript twin (one float32 rounding per operation, as f32x4
 * does), bit-identical (test/fast/f32-kernels.test.ts).
 * @internal
 * @see Goodfellow, Bengio & Courville (2016), Deep Learning, §6.5.3, eq. (6.46) (⊙ in back-propagation)
 */
import * as w from "./wasm-emit";
import * as v from "./wasm-module";

/** hadamard(g, d, len): byte addresses, len a multiple of 4. */
export function hadamardF32Function(): v.WasmFunction {
  const [g, d, len, p, end] = [0, 1, 2, 3, 4];
  const { localGet: get, localSet: set, i32Const: int, i32Add: add } = w;
  const body = [
    [get(len), int(2), w.i32Shl, set(end), int(0), set(p)],
    w.loop(
      [get(g), get(p), add, get(g), get(p), add, v.v128LoadAt(0)],
      [get(d), get(p), add, v.v128LoadAt(0), v.f32x4Mul, v.v128StoreAt(0)],
      [get(p), int(16), add, set(p), get(p), get(end), w.i32LtU, w.brIf(0)],
    ),
  ];
  return { name: "hadamard", params: 3, locals: [w.I32, w.I32], body };
}

/** colsum(g, stride, out, rows, width): byte addresses and stride; width a multiple of 4; rows ≥ 1. */
export function columnSumsF32Function(): v.WasmFunction {
  const [g, stride, out, rows, width, j, pg, q, s] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const { localGet: get, localSet: set, localTee: tee, i32Const: int, i32Add: add } = w;
  const body = [
    [get(width), int(2), w.i32Shl, set(width), int(0), set(j)],
    w.loop(
      [w.v128Zero, set(s), get(g), get(j), add, set(pg), get(rows), set(q)],
      w.loop(
        [get(s), get(pg), v.v128LoadAt(0), v.f32x4Add, set(s)],
        [get(pg), get(stride), add, set(pg)],
        [get(q), int(1), w.i32Sub, tee(q), w.brIf(0)],
      ),
      [get(out), get(j), add, get(s), v.v128StoreAt(0)],
      [get(j), int(16), add, tee(j), get(width), w.i32LtU, w.brIf(0)],
    ),
  ];
  return { name: "colsum", params: 5, locals: [w.I32, w.I32, w.I32, w.V128], body };
}

/** The JavaScript twin of hadamard, on float offsets of mem. */
export function hadamardF32Js(mem: Float32Array, g: number, d: number, len: number): void {
  for (let i = 0; i < len; i++) mem[g + i] *= mem[d + i]; // an exact double product, rounded once
}

/** The JavaScript twin of colsum, on float offsets and stride of mem. */
export function columnSumsF32Js(
  mem: Float32Array,
  g: number,
  stride: number,
  out: number,
  rows: number,
  width: number,
): void {
  const f = Math.fround;
  for (let j = 0; j < width; j++) {
    let s = 0;
    for (let r = 0; r < rows; r++) s = f(s + mem[g + r * stride + j]);
    mem[out + j] = s;
  }
}
