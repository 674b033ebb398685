/**
 * SiLU and its derivative in float32: $s = 1/(1 + e^{-z})$, $h = zs$, $d = s(1 + z(1 - s))$, with
 * $e^{x}$, $x = \mathrm{clamp}(-z, -87, 88)$, as $2^n P(r)$: $n = \mathrm{round}(x\log_2 e)$
 * (by adding $1.5\cdot2^{23}$), $r = x - n\,\ln 2_{hi} - n\,\ln 2_{lo}$ (Cody–Waite; $n\ln 2_{hi}$
 * exact), $P$ the degree-7 Taylor polynomial by Estrin's scheme (truncation
 * $0.347^8/8! < 6\cdot10^{-9}$, a tenth of float32's unit roundoff), $2^n$ built from the
 * exponent bits: $(\mathrm{bits}(x\log_2 e + 1.5\cdot2^{23}) + 127) \ll 23$. The f32x4 kernel and
 * its plain-JavaScript twin {@link siluF32Js} (every operation rounded by `Math.fround`) are
 * bit-identical (test/fast/f32-kernels.test.ts); both within a few float32 ulp of the exact SiLU.
 * @internal
 * @see J.-M. Muller (2016), Elementary Functions, 3rd ed., §11.2; Elfwing, Uchibe & Doya (2018), eq. (1)–(2)
 */
import * as w from "./wasm-emit";
import * as v from "./wasm-module";

const f = Math.fround;
const LOG2E = f(Math.LOG2E);
/** 1.5·2²³: adding it rounds a float32 of magnitude < 2²² to the nearest integer */
const SHIFT = 12582912;
/** ln 2 = LN2_HI + LN2_LO; LN2_HI = 355/512 has 9 bits, so n·LN2_HI is exact for |n| ≤ 2¹⁵ */
const LN2_HI = 0.693359375;
const LN2_LO = f(-2.1219444e-4);
const LO = -87;
const HI = 88;
/** 1/k!, k = 0..7, as float32 */
const C = [1, 1, 1 / 2, 1 / 6, 1 / 24, 1 / 120, 1 / 720, 1 / 5040].map(f);

/** silu(z, h, d, len): byte addresses, len a multiple of 4. */
export function siluF32Function(): v.WasmFunction {
  const [zp, hp, dp, len] = [0, 1, 2, 3];
  const [p, end, z, x, k, n, r, s, r2, r4] = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
  const locals = [w.I32, w.I32, ...new Array<number>(8).fill(w.V128)];
  const { localGet: get, localSet: set, i32Const: int, i32Add: add } = w;
  const c = v.f32x4Const;
  const pair = (j: number): w.Code => [c(C[j]), get(r), c(C[j + 1]), v.f32x4Mul, v.f32x4Add];
  const poly: w.Code = [
    [pair(0), pair(2), get(r2), v.f32x4Mul, v.f32x4Add],
    [pair(4), pair(6), get(r2), v.f32x4Mul, v.f32x4Add, get(r4), v.f32x4Mul, v.f32x4Add],
  ];
  const body = [
    [get(len), int(2), w.i32Shl, set(end), int(0), set(p)],
    w.loop(
      [get(zp), get(p), add, v.v128LoadAt(0), set(z)],
      [c(0), get(z), v.f32x4Sub, c(LO), v.f32x4Max, c(HI), v.f32x4Min, set(x)],
      [get(x), c(LOG2E), v.f32x4Mul, c(SHIFT), v.f32x4Add, set(k)],
      [get(k), c(SHIFT), v.f32x4Sub, set(n)],
      [
        get(x),
        get(n),
        c(LN2_HI),
        v.f32x4Mul,
        v.f32x4Sub,
        get(n),
        c(LN2_LO),
        v.f32x4Mul,
        v.f32x4Sub,
      ],
      [w.localTee(r), get(r), v.f32x4Mul, w.localTee(r2), get(r2), v.f32x4Mul, set(r4)],
      // s = 1 / (1 + P(r)·2ⁿ)
      [c(1), c(1), poly, get(k), v.i32x4Const(127), v.i32x4Add, int(23), v.i32x4Shl],
      [v.f32x4Mul, v.f32x4Add, v.f32x4Div, set(s)],
      [get(hp), get(p), add, get(z), get(s), v.f32x4Mul, v.v128StoreAt(0)],
      [get(dp), get(p), add, get(s), c(1), get(z), c(1), get(s), v.f32x4Sub],
      [v.f32x4Mul, v.f32x4Add, v.f32x4Mul, v.v128StoreAt(0)],
      [get(p), int(16), add, set(p), get(p), get(end), w.i32LtU, w.brIf(0)],
    ),
  ];
  return { name: "silu", params: 4, locals, body };
}

/**
 * The plain-JavaScript twin of the f32x4 SiLU: $h = \mathrm{SiLU}(z)$, $d = \mathrm{SiLU}'(z)$
 * over the floats at offsets z, h, d of `mem`, len of them, each operation rounded to float32.
 */
export function siluF32Js(mem: Float32Array, z: number, h: number, d: number, len: number): void {
  for (let i = 0; i < len; i++) {
    const zi = mem[z + i];
    const x = Math.min(Math.max(-zi, LO), HI);
    const k = f(f(x * LOG2E) + SHIFT);
    const n = k - SHIFT; // exact
    const r = f(f(x - f(n * LN2_HI)) - f(n * LN2_LO));
    const r2 = f(r * r);
    const r4 = f(r2 * r2);
    const pair = (j: number): number => f(C[j] + f(r * C[j + 1]));
    const lo = f(pair(0) + f(pair(2) * r2));
    const hi = f(f(pair(4) + f(pair(6) * r2)) * r4);
    const p = f(lo + hi);
    const s = f(1 / f(1 + f(p * (n === n ? 2 ** n : n))));
    mem[h + i] = f(zi * s);
    mem[d + i] = f(s * f(1 + f(zi * f(1 - s))));
  }
}
