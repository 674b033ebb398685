import { requireInteger } from "../base";
import { requireArrayOf } from "./check";
import { expKernel as exp } from "./exp";

/**
 * SiLU with {@link fastExp} instead of `Math.exp`: $s = 1/(1 + e^{-z})$, $h = zs$,
 * $d = s(1 + z(1 - s))$ over z[0 .. len): the fast twin of `silu` (src/nn/activation.ts), and the
 * fallback of the WebAssembly kernel, to which it is bit-identical (the same polynomial, the same
 * order of operations; test/fast/silu.test.ts). Against the `Math.exp` reference it differs by
 * the 4 ulp of fastExp, carried through $1/(1 + \cdot)$ (bound in the test).
 * @param z (len,) pre-activations
 * @param h (len,) receives $\mathrm{SiLU}(z)$
 * @param d (len,) receives $\mathrm{SiLU}'(z)$
 * @param len an integer ≥ 0
 * @see Elfwing, Uchibe & Doya (2018), Neural Networks 107, eq. (1)–(2)
 */
export function siluFast(z: Float64Array, h: Float64Array, d: Float64Array, len: number): void {
  const fn = "siluFast";
  requireInteger(fn, "len", len, 0);
  requireArrayOf(fn, "z", z, len);
  requireArrayOf(fn, "h", h, len);
  requireArrayOf(fn, "d", d, len);
  for (let i = 0; i < len; i++) {
    const zi = z[i];
    const s = 1 / (1 + exp(-zi));
    h[i] = zi * s;
    d[i] = s * (1 + zi * (1 - s));
  }
}

/**
 * $\mathrm{SiLU}''(z) = s(1 - s)(2 + z(1 - 2s))$, $s = 1/(1 + e^{-z})$, with {@link fastExp}: the
 * fast twin of `siluSecond` (src/nn/activation.ts), within the bound of test/fast/silu.test.ts.
 * @param z (len,) @param out (len,) written @param len an integer ≥ 0
 * @see Elfwing, Uchibe & Doya (2018), Neural Networks 107, eq. (2)
 */
export function siluSecondFast(z: Float64Array, out: Float64Array, len: number): void {
  const fn = "siluSecondFast";
  requireInteger(fn, "len", len, 0);
  requireArrayOf(fn, "z", z, len);
  requireArrayOf(fn, "out", out, len);
  for (let i = 0; i < len; i++) {
    const zi = z[i];
    const s = 1 / (1 + exp(-zi));
    out[i] = s * (1 - s) * (2 + zi * (1 - 2 * s));
  }
}
