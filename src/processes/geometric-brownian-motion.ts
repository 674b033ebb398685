import { requireFinite, requirePositive } from "../base";
import type { Sde } from "../sde";
import type { MarginalMoments, Process } from "./process";
import { checkTransitionArgs } from "./transition-density";
import { checkExact, checkMarginal, readOptions } from "./validate";

// hoisted: a global `Math` lookup per element is ~10x slower inside vm contexts (jest, tslab)
const { abs, exp, log, PI } = Math;

/**
 * $dX = \mu X\,dt + \sigma X\,dW$ (Itô), componentwise:
 * $X_t = x_0 \exp((\mu - \sigma^2/2)t + \sigma W_t)$, $E X_t = x_0 e^{\mu t}$,
 * $\operatorname{Var} X_t = x_0^2 e^{2\mu t}(e^{\sigma^2 t} - 1)$; transition from $X_s = x$:
 * $\log(y_i/x_i) \sim N((\mu - \sigma^2/2)(t - s), \sigma^2(t - s))$ (lognormal, on the side of 0
 * where $x_i$ lies; density 0 elsewhere). Prior: moments of $X_T$ for $x_0 = 1$.
 * Multiplicative noise: the test problem of Higham (2001) with $\mu = 2$, $\sigma = 1$.
 * @param options mu (default 2), sigma (default 1), T (default 1), dim d (default 1)
 * @see Higham (2001), SIAM Review 43(3), 525–546, eq. (2.1)–(2.2)
 */
export function geometricBrownianMotion(
  options: { mu?: number; sigma?: number; T?: number; dim?: number } = {},
): Process {
  const fn = "geometricBrownianMotion";
  const { mu = 2, sigma = 1, T, dim } = readOptions(fn, options);
  requireFinite(fn, "mu", mu);
  requirePositive(fn, "sigma", sigma);
  const sde: Sde = Object.freeze({
    dim,
    noiseDim: dim,
    noise: "diagonal",
    additive: false,
    drift(_t: number, x: Float64Array, out: Float64Array, n: number) {
      for (let i = 0; i < n * dim; i++) out[i] = mu * x[i];
    },
    diffusion(_t: number, x: Float64Array, out: Float64Array, n: number) {
      for (let i = 0; i < n * dim; i++) out[i] = sigma * x[i];
    },
    diffusionDerivative(_t: number, _x: Float64Array, out: Float64Array, n: number) {
      out.fill(sigma, 0, n * dim);
    },
  } as const);
  const marginal = (t: number, x0: Float64Array): MarginalMoments => {
    const mean = new Float64Array(dim);
    const cov = new Float64Array(dim * dim); // (d, d) row-major
    for (let i = 0; i < dim; i++) {
      mean[i] = x0[i] * Math.exp(mu * t);
      cov[i * dim + i] = x0[i] * x0[i] * Math.exp(2 * mu * t) * Math.expm1(sigma * sigma * t);
    }
    return { mean, cov };
  };
  const logDensity = (
    name: string,
    s: number,
    x: Float64Array,
    t: number,
    y: Float64Array,
  ): Float64Array => {
    const n = checkTransitionArgs(name, s, x, t, y, dim, T);
    const i0 = x.findIndex((v) => v === 0);
    if (i0 >= 0) {
      throw new RangeError(`${name}: x[${i0}] must be nonzero (from 0, X stays at 0), got 0`);
    }
    const v = sigma * sigma * (t - s); // variance of log X_t given log X_s
    const m = (mu - 0.5 * sigma * sigma) * (t - s);
    const out = new Float64Array(n); // (n)
    for (let r = 0; r < n; r++) {
      let acc = -0.5 * dim * log(2 * PI * v);
      for (let i = 0; i < dim; i++) {
        const ratio = y[r * dim + i] / x[i]; // > 0 iff y_i lies on x_i's side of 0
        acc += ratio > 0 ? -log(abs(y[r * dim + i])) - (log(ratio) - m) ** 2 / (2 * v) : -Infinity;
      }
      out[r] = acc;
    }
    return out;
  };
  return Object.freeze({
    name: fn,
    dim,
    T,
    sde,
    marginal(t: number, x0: Float64Array) {
      checkMarginal(`${fn}.marginal`, t, x0, dim, T);
      return marginal(t, x0);
    },
    transitionDensity: (s: number, x: Float64Array, t: number, y: Float64Array) =>
      logDensity(`${fn}.transitionDensity`, s, x, t, y).map(exp),
    logTransitionDensity: (s: number, x: Float64Array, t: number, y: Float64Array) =>
      logDensity(`${fn}.logTransitionDensity`, s, x, t, y),
    prior: marginal(T, new Float64Array(dim).fill(1)),
    exact(t: number, x0: Float64Array, w: Float64Array, out: Float64Array, n: number) {
      checkExact(`${fn}.exact`, t, x0, w, out, n, dim, T);
      const c = (mu - 0.5 * sigma * sigma) * t;
      for (let i = 0; i < n * dim; i++) out[i] = x0[i] * exp(c + sigma * w[i]);
    },
  });
}
