import type { Rng } from "./rng";

/**
 * Ziggurat tables for $f(x) = e^{-x^2/2}$ with 256 layers of equal area $v$:
 * $x_{255} = r$, $x_{i-1} = f^{-1}(v / x_i + f(x_i))$, base strip of width $q = v / f(r)$.
 * A draw takes a 52-bit magnitude $m$, an 8-bit layer index and a sign bit from disjoint bits
 * (Doornik 2005's fix); $|x| = m\,w_i$ is accepted outright when $m < k_i$.
 * `r` and `v` were solved (bisection, double precision) so that the top layer closes:
 * $x_1 (1 - f(x_1)) = v$ to within 1e-15.
 * @see G. Marsaglia & W. W. Tsang (2000), "The Ziggurat Method for Generating Random Variables",
 *   J. Stat. Softw. 5(8), section 2 and the `zigset` listing; J. A. Doornik (2005), "An Improved
 *   Ziggurat Method to Generate Normal Random Samples", section 3.
 */
export const ZIG_LAYERS = 256;

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { exp, log } = Math;
/** Right edge of the base layer, $r$; also the start of the tail. */
export const ZIG_R = 3.654152885361009;
/** Area of each layer, $v = r f(r) + \int_r^\infty f$. */
const ZIG_V = 0.004928673233974658;
/** Magnitudes are integers in $[0, 2^{52})$. */
const M52 = 4503599627370496;

/** Acceptance thresholds $k_i = \lfloor 2^{52} x_{i-1} / x_i \rfloor$ ($k_0$ uses $r / q$). */
export const ZIG_K: Float64Array = new Float64Array(ZIG_LAYERS); // (256,)
/** Scale $w_i = x_i / 2^{52}$ ($w_0 = q / 2^{52}$). */
export const ZIG_W: Float64Array = new Float64Array(ZIG_LAYERS); // (256,)
/**
 * The same thresholds and scales for 32-bit magnitudes, used by the bulk `fillNormal`:
 * $k^{32}_i = \lfloor k_i / 2^{20} \rfloor$, $w^{32}_i = 2^{20} w_i$.
 */
export const ZIG_K32: Float64Array = new Float64Array(ZIG_LAYERS); // (256,)
/** Scale for 32-bit magnitudes, $w^{32}_i = x_i / 2^{32}$. */
export const ZIG_W32: Float64Array = new Float64Array(ZIG_LAYERS); // (256,)
/** Density at the layer edges, $f_i = f(x_i)$, with $f_0 = 1$. */
export const ZIG_F: Float64Array = new Float64Array(ZIG_LAYERS); // (256,)

(function buildTables(): void {
  const last = ZIG_LAYERS - 1;
  let x = ZIG_R;
  const q = ZIG_V / Math.exp(-0.5 * x * x);
  ZIG_K[0] = Math.floor((x / q) * M52);
  ZIG_W[0] = q / M52;
  ZIG_W[last] = x / M52;
  ZIG_F[0] = 1;
  ZIG_F[last] = Math.exp(-0.5 * x * x);
  for (let i = last - 1; i >= 1; i--) {
    const xi = Math.sqrt(-2 * Math.log(ZIG_V / x + Math.exp(-0.5 * x * x)));
    ZIG_K[i + 1] = Math.floor((xi / x) * M52);
    x = xi;
    ZIG_F[i] = Math.exp(-0.5 * x * x);
    ZIG_W[i] = x / M52;
  }
  ZIG_K[1] = 0; // the top layer has no full-width rectangle: always take the wedge test
  for (let i = 0; i < ZIG_LAYERS; i++) {
    ZIG_K32[i] = Math.floor(ZIG_K[i] / 1048576);
    ZIG_W32[i] = ZIG_W[i] * 1048576;
  }
})();

/**
 * The slow branch of the ziggurat after the fast test $m < k_i$ failed for layer `i` with
 * candidate magnitude `x`: the exact tail for the base layer (Marsaglia 1964: $x = -\ln U_1 / r$,
 * accept when $-2\ln U_2 > x^2$, return $r + x$) or the wedge test
 * $f_i + U (f_{i-1} - f_i) < f(x)$; on rejection the whole draw restarts.
 * Uniforms come from `rng.uniform()`, which is never 0, so $\ln U$ is finite.
 * @param rng generator to continue drawing from
 * @param i layer index in [0, 256)
 * @param x candidate magnitude $m\,w_i \ge 0$
 * @param negative whether the sign bit was set
 * @see Marsaglia & Tsang (2000), the `nfix` listing.
 */
export function zigguratSlow(rng: Rng, i: number, x: number, negative: boolean): number {
  for (;;) {
    if (i === 0) {
      let t: number;
      let y: number;
      do {
        t = -log(rng.uniform()) / ZIG_R;
        y = -log(rng.uniform());
      } while (y + y < t * t);
      return negative ? -(ZIG_R + t) : ZIG_R + t;
    }
    if (ZIG_F[i] + rng.uniform() * (ZIG_F[i - 1] - ZIG_F[i]) < exp(-0.5 * x * x)) {
      return negative ? -x : x;
    }
    const a = rng.nextUint32();
    const b = rng.nextUint32();
    i = a & 255;
    const m = (a >>> 12) * 4294967296 + b;
    x = m * ZIG_W[i];
    negative = (a & 256) !== 0;
    if (m < ZIG_K[i]) return negative ? -x : x;
  }
}
