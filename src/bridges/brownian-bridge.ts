import type { Sde } from "../sde";
import { describeValue, isFloat64Array, requireFinite } from "../base";

/**
 * $dX = \frac{b - X}{T - t}\,dt + \sigma\,dW$ on $[0, T)$: Brownian motion conditioned on
 * $X_T = b$ (Doob's h-transform with $h = \mathcal N(b; x, \sigma^2(T - t))$), each 1-D path with its
 * own end point b. Euler–Maruyama's last step lands at $b + \Delta W$ (the drift is evaluated at
 * $t_{K-1} < T$): the pin is exact only in the limit.
 * @param end (n) end points $b$, one per 1-D path; the Sde must then run exactly n paths
 * @param T horizon > 0
 * @param sigma noise scale σ > 0 (default 1)
 * @see Karatzas & Shreve (1991), Brownian Motion and Stochastic Calculus, §5.6.B, eq. (6.28)
 */
export function brownianBridgeSde(end: Float64Array, T: number, sigma = 1): Sde {
  const fn = "brownianBridgeSde";
  if (!isFloat64Array(end) || end.length === 0) {
    throw new TypeError(`${fn}: end must be a non-empty Float64Array, got ${describeValue(end)}`);
  }
  requireFinite(fn, "T", T, "a finite number > 0", (v) => v > 0);
  requireFinite(fn, "sigma", sigma, "a finite number > 0", (v) => v > 0);
  const b = Float64Array.from(end); // (n, d) copied
  const m = b.length;
  return Object.freeze({
    dim: 1,
    noiseDim: 1,
    noise: "diagonal",
    additive: true,
    drift(t: number, x: Float64Array, out: Float64Array, n: number): void {
      if (n !== m)
        throw new RangeError(`${fn}: drift called with n = ${n}, the bridge has ${m} paths`);
      const r = 1 / (T - t);
      for (let i = 0; i < m; i++) out[i] = (b[i] - x[i]) * r;
    },
    diffusion(_t: number, _x: Float64Array, out: Float64Array, n: number): void {
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
  requireFinite(fn, "a", a, "a finite number");
  requireFinite(fn, "b", b, "a finite number");
  requireFinite(fn, "T", T, "a finite number > 0", (v) => v > 0);
  requireFinite(fn, "t", t, `a number in [0, T = ${T}]`, (v) => v >= 0 && v <= T);
  requireFinite(fn, "sigma", sigma, "a finite number > 0", (v) => v > 0);
  const s = t / T;
  return { mean: (1 - s) * a + s * b, variance: sigma * sigma * t * (1 - s) };
}
