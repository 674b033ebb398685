/**
 * The ziggurat fill of {@link zigguratFill} in WebAssembly: the same xoshiro128** words, the same
 * layer, sign and 32-bit magnitude bits, the same double arithmetic
 * $\mu + \sigma\,(m \cdot (\pm w^{32}_i))$, so the output and the final state are bit-identical to
 * the JavaScript loop and to the reference `bulkZiggurat` (test/fast/ziggurat-wasm.test.ts). A
 * draw that fails $m < k^{32}_i$ (about 1.5 %) returns to JavaScript, which runs the exact slow
 * branch on the generator and resumes the kernel. No bounds or deoptimisation checks in the
 * loop: 1.5-1.9x faster than the JavaScript loop on 1,563-element fills (the Euler–Maruyama
 * benchmark's block), measured in one process, alternating.
 * @see Blackman & Vigna (2021), ACM TOMS 47(4) (xoshiro128**); Marsaglia & Tsang (2000),
 *   J. Stat. Softw. 5(8); Doornik (2005), section 3; WebAssembly Core Specification 2.0, §5.
 */
import { describeValue, requireFinite, requireFunction } from "../base";
import { requireArrayOf } from "./check";
import * as w from "./wasm-emit";
import {
  requireTables,
  requireXoshiroState,
  ZIGGURAT_LAYERS,
  type ZigguratSlow,
} from "./ziggurat-args";

// Memory layout (bytes): at 0 the state s0..s3 (i32 ×4), bits (16), left (20), and on a slow
// exit m (24) and j (28); then the tables and the output chunk.
const K_OFF = 64; // k32_i as u32, (256,)
const W_OFF = 1088; // signed scales: [w32_i for sign bit 0, −w32_i for sign bit 1], (2, 256)
const OUT = 8192; // output chunk, (CHUNK,) doubles
/** Doubles per call of the kernel: OUT + 8·CHUNK = 65536 bytes, one page. */
export const ZIGGURAT_WASM_CHUNK = 7168;
const CHUNK = ZIGGURAT_WASM_CHUNK;

/**
 * `fill(k, n, mean, std) -> k'`: continues the draws at chunk index k with the state in memory;
 * returns n when the chunk is full, or the index of a draw that needs the slow branch (state after
 * its words, its magnitude m and its layer/sign j stored).
 */
function kernelBytes(): Uint8Array {
  // locals: the four parameters, then i32 s0..s3, bits, left, t (scratch), m, j
  const [k, n, mean, std, s0, s1, s2, s3, bits, left, t, m, j] = Array.from(
    { length: 13 },
    (_, i) => i,
  );
  const { localGet: get, localSet: set, i32Const: int } = w;
  const at = (offset: number): w.Code => [int(0), w.i32Load(offset)];
  const put = (offset: number, local: number): w.Code => [int(0), get(local), w.i32Store(offset)];
  // one xoshiro128** step; its output word into `dst`
  const next = (dst: number): w.Code => [
    [get(s1), int(5), w.i32Mul, int(7), w.i32Rotl, int(9), w.i32Mul, set(dst)],
    [get(s1), int(9), w.i32Shl, set(t)],
    [get(s2), get(s0), w.i32Xor, set(s2), get(s3), get(s1), w.i32Xor, set(s3)],
    [get(s1), get(s2), w.i32Xor, set(s1), get(s0), get(s3), w.i32Xor, set(s0)],
    [get(s2), get(t), w.i32Xor, set(s2), get(s3), int(11), w.i32Rotl, set(s3)],
  ];
  const save = [put(0, s0), put(4, s1), put(8, s2), put(12, s3), put(16, bits), put(20, left)];
  const body = [
    [at(0), set(s0), at(4), set(s1), at(8), set(s2), at(12), set(s3)],
    [at(16), set(bits), at(20), set(left)],
    w.block(
      w.loop(
        [get(k), get(n), w.i32GeS, w.brIf(1)],
        [get(left), w.i32Eqz, w.ifThen(next(bits), int(3), set(left))],
        next(m),
        [get(bits), int(511), w.i32And, set(j), get(bits), int(9), w.i32ShrU, set(bits)],
        [get(left), int(1), w.i32Sub, set(left)],
        // m ≥ k32_i: leave for the slow branch
        [get(m), get(j), int(255), w.i32And, int(2), w.i32Shl, w.i32Load(K_OFF), w.i32GeU],
        w.ifThen(save, put(24, m), put(28, j), get(k), w.ret),
        // out[k] = mean + std · (m · (±w32_i))
        [get(k), int(3), w.i32Shl, get(mean), get(std), get(m), w.f64ConvertI32U],
        [get(j), int(3), w.i32Shl, w.f64Load(W_OFF), w.f64Mul, w.f64Mul, w.f64Add],
        w.f64Store(OUT),
        [get(k), int(1), w.i32Add, set(k), w.br(0)],
      ),
    ),
    save,
    get(k),
  ];
  const locals = new Array<number>(9).fill(w.I32);
  return w.assemble("fill", [w.I32, w.I32, w.F64, w.F64], locals, body, { result: w.I32 });
}

/** A compiled ziggurat kernel with its tables. */
export interface WasmZiggurat {
  /**
   * Fills `out` with $\mu + \sigma Z_k$ as {@link zigguratFill} does, advancing the state words
   * `s` in place; `slow` is called for the draws that need the slow branch (with `s` up to date).
   */
  fill(
    s: Int32Array,
    out: Float64Array,
    mean: number,
    std: number,
    slow: ZigguratSlow,
  ): Float64Array;
}

/**
 * Compiles the kernel with its own memory holding the tables (copied: k32 as u32, w32 and −w32),
 * or returns null where WebAssembly is unavailable. Compile once and keep the result.
 * @param k32 (256,) thresholds, integers in $[0, 2^{32})$
 * @param w32 (256,) scales, finite
 */
export function createWasmZiggurat(k32: Float64Array, w32: Float64Array): WasmZiggurat | null {
  const fn = "createWasmZiggurat";
  requireTables(fn, k32, w32);
  for (let i = 0; i < ZIGGURAT_LAYERS; i++) {
    if (!Number.isInteger(k32[i]) || k32[i] < 0 || k32[i] >= 2 ** 32) {
      throw new RangeError(
        `${fn}: k32[${i}] must be an integer in [0, 2^32), got ${describeValue(k32[i])}`,
      );
    }
    if (!Number.isFinite(w32[i])) {
      throw new RangeError(`${fn}: w32[${i}] must be finite, got ${describeValue(w32[i])}`);
    }
  }
  const wasm = w.instantiate(kernelBytes());
  if (wasm === null) return null;
  const kernel = wasm.fn;
  const ints = new Int32Array(wasm.mem.buffer);
  const doubles = new Float64Array(wasm.mem.buffer);
  for (let i = 0; i < ZIGGURAT_LAYERS; i++) {
    ints[K_OFF / 4 + i] = k32[i] | 0; // < 2^32: the same bits as u32
    doubles[W_OFF / 8 + i] = w32[i];
    doubles[W_OFF / 8 + ZIGGURAT_LAYERS + i] = -w32[i];
  }
  const W = Float64Array.from(w32.subarray(0, ZIGGURAT_LAYERS));
  const fill = (
    s: Int32Array,
    out: Float64Array,
    mean: number,
    std: number,
    slow: ZigguratSlow,
  ): Float64Array => {
    const name = "createWasmZiggurat.fill";
    requireXoshiroState(name, s);
    requireArrayOf(name, "out", out, 0);
    requireFinite(name, "mean", mean);
    requireFinite(name, "std", std);
    requireFunction(name, "slow", slow);
    // the state crosses as four scalars (ints.set(s.subarray(…)) would allocate on every call)
    ints[0] = s[0];
    ints[1] = s[1];
    ints[2] = s[2];
    ints[3] = s[3];
    ints[4] = 0; // bits
    ints[5] = 0; // left: a fill starts a fresh group of three, as the JavaScript loop does
    const total = out.length;
    for (let base = 0; base < total; base += CHUNK) {
      const len = Math.min(CHUNK, total - base);
      let k = 0;
      for (;;) {
        k = kernel(k, len, mean, std);
        if (k >= len) break;
        s[0] = ints[0]; // the slow branch continues the generator's stream
        s[1] = ints[1];
        s[2] = ints[2];
        s[3] = ints[3];
        const m = ints[6] >>> 0;
        const i = ints[7] & 255;
        doubles[OUT / 8 + k] = mean + std * slow(i, m * W[i], (ints[7] & 256) !== 0);
        ints[0] = s[0];
        ints[1] = s[1];
        ints[2] = s[2];
        ints[3] = s[3];
        k++;
      }
      out.set(doubles.subarray(OUT / 8, OUT / 8 + len), base); // memmove: beat a JS copy loop
    }
    s[0] = ints[0];
    s[1] = ints[1];
    s[2] = ints[2];
    s[3] = ints[3];
    return out;
  };
  return { fill };
}
