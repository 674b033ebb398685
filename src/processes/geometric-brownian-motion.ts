import { describeValue } from "../base";
import type { Sde } from "../sde";
import { checkDim, checkMarginalArgs, checkPositive } from "./helpers";
import type { MarginalMoments, Process } from "./process";

// hoisted: a global `Math` lookup per element is ~10x slower inside vm contexts (jest, tslab)
const exp = Math.exp;

/**
 * $dX = \mu X\,dt + \sigma X\,dW$ (Itô), componentwise:
 * $X_t = x_0 \exp((\mu - \sigma^2/2)t + \sigma W_t)$, $E X_t = x_0 e^{\mu t}$,
 * $\operatorname{Var} X_t = x_0^2 e^{2\mu t}(e^{\sigma^2 t} - 1)$. Prior: moments of $X_T$ for $x_0 = 1$.
 * Multiplicative noise: the test problem of Higham (2001) with $\mu = 2$, $\sigma = 1$.
 * @param options mu (default 2), sigma (default 1), T (default 1), dim d (default 1)
 * @see Higham (2001), SIAM Review 43(3), 525–546, eq. (2.1)–(2.2)
 */
export function geometricBrownianMotion(
  options: { mu?: number; sigma?: number; T?: number; dim?: number } = {},
): Process {
  const { mu = 2, sigma = 1, T = 1, dim = 1 } = options;
  if (typeof mu !== "number" || !Number.isFinite(mu)) {
    throw new RangeError(
      `geometricBrownianMotion: mu must be a finite number, got ${describeValue(mu)}`,
    );
  }
  checkPositive("geometricBrownianMotion", "sigma", sigma);
  checkPositive("geometricBrownianMotion", "T", T);
  checkDim("geometricBrownianMotion", dim);
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
  return Object.freeze({
    name: "geometricBrownianMotion",
    dim,
    T,
    sde,
    marginal(t: number, x0: Float64Array) {
      checkMarginalArgs("geometricBrownianMotion.marginal", t, x0, dim);
      return marginal(t, x0);
    },
    prior: marginal(T, new Float64Array(dim).fill(1)),
    exact(t: number, x0: Float64Array, w: Float64Array, out: Float64Array, n: number) {
      const c = (mu - 0.5 * sigma * sigma) * t;
      for (let i = 0; i < n * dim; i++) out[i] = x0[i] * exp(c + sigma * w[i]);
    },
  });
}
