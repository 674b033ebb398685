import type { Sde } from "../sde";
import {
  requireBatch,
  requireFinite,
  requireFiniteArray,
  requirePositive,
  requireTime,
} from "../base";

/** Why the drift refuses t = T. */
const DRIFT_AT_T = "the drift (b − x)/(T − t) is infinite at T";

/**
 * $dX = \frac{b - X}{T - t}\,dt + \sigma\,dW$ on $[0, T)$: Brownian motion conditioned on
 * $X_T = b$ (Doob's h-transform with $h = \mathcal N(b; x, \sigma^2(T - t))$), each 1-D path with its
 * own end point b. Euler–Maruyama's last step lands at $b + \Delta W$ (the drift is evaluated at
 * $t_{K-1} < T$): the pin is exact only in the limit. `drift(t, x, out, n)` takes t in [0, T) (the
 * drift is infinite at T) and exactly n paths; `diffusion` takes t in [0, T] and any n ≥ 1.
 * @param end (n) end points $b$, finite, n ≥ 1, one per 1-D path; the Sde must then run exactly n paths
 * @param T horizon > 0
 * @param sigma noise scale σ > 0 (default 1)
 * @see Karatzas & Shreve (1991), Brownian Motion and Stochastic Calculus, §5.6.B, eq. (6.28)
 */
export function brownianBridgeSde(end: Float64Array, T: number, sigma = 1): Sde {
  const fn = "brownianBridgeSde";
  requireFiniteArray(fn, "end", end, { min: 1 });
  requirePositive(fn, "T", T);
  requirePositive(fn, "sigma", sigma);
  const b = Float64Array.from(end); // (n) copied
  const m = b.length;
  return Object.freeze({
    dim: 1,
    noiseDim: 1,
    noise: "diagonal",
    additive: true,
    drift(t: number, x: Float64Array, out: Float64Array, n: number): void {
      const f = `${fn}.drift`;
      // the drift reads t as given (a rounding below 0 is harmless there)
      requireTime(f, "t", t, T, { slack: true, open: true, note: DRIFT_AT_T });
      requireBatch(f, x, out, n, 1);
      if (n !== m) {
        throw new RangeError(`${f}: n must equal the number of end points, ${m}, got ${n}`);
      }
      const r = 1 / (T - t);
      for (let i = 0; i < m; i++) out[i] = (b[i] - x[i]) * r;
    },
    diffusion(t: number, x: Float64Array, out: Float64Array, n: number): void {
      const f = `${fn}.diffusion`;
      requireTime(f, "t", t, T, { slack: true });
      requireBatch(f, x, out, n, 1);
      out.fill(sigma, 0, n);
    },
  } as const);
}

/**
 * $X_t \mid (X_0 = a, X_T = b) \sim \mathcal N\big((1 - \tfrac tT)a + \tfrac tT b,\ \sigma^2\tfrac{t(T - t)}{T}\big)$:
 * the Brownian bridge marginal (per coordinate).
 * @param a start, finite
 * @param b end, finite
 * @param T horizon > 0
 * @param t time in [0, T]
 * @param sigma noise scale σ > 0 (default 1)
 * @returns mean and variance
 * @see Karatzas & Shreve (1991), §5.6.B, eq. (6.29)–(6.30)
 */
export function brownianBridgeMarginal(
  a: number,
  b: number,
  T: number,
  t: number,
  sigma = 1,
): { mean: number; variance: number } {
  const fn = "brownianBridgeMarginal";
  requireFinite(fn, "a", a);
  requireFinite(fn, "b", b);
  requirePositive(fn, "T", T);
  requireTime(fn, "t", t, T);
  requirePositive(fn, "sigma", sigma);
  const s = t / T;
  return { mean: (1 - s) * a + s * b, variance: sigma * sigma * t * (1 - s) };
}
