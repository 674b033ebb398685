import { requirePositive, requireTime } from "../base";
import { isotropicLinearSde, isotropicMoments, isotropicPrior } from "./helpers";
import type { LinearProcess } from "./process";
import { linearTransitionDensity } from "./transition-density";
import { checkExact, checkMarginal, readOptions } from "./validate";

/**
 * $dX = \sigma\,dW$: $X_t = x_0 + \sigma W_t$, so scale = 1 and std = $\sigma\sqrt t$; transition
 * $X_t \mid X_s = x \sim N(x, \sigma^2(t - s)I)$. Prior: $N(0, \sigma^2 T\,I)$ (the marginal at T
 * from $x_0 = 0$).
 * @param options sigma (default 1), T (default 1), dim d (default 1)
 * @see Karatzas & Shreve (1991), Brownian Motion and Stochastic Calculus, Def. 2.1.1
 */
export function brownianMotion(
  options: { sigma?: number; T?: number; dim?: number } = {},
): LinearProcess {
  const fn = "brownianMotion";
  const { sigma = 1, T, dim } = readOptions(fn, options);
  requirePositive(fn, "sigma", sigma);
  const std = (t: number): number => sigma * Math.sqrt(t);
  return Object.freeze({
    name: fn,
    dim,
    T,
    sde: isotropicLinearSde(
      dim,
      () => 0,
      () => sigma,
    ),
    scale(t: number) {
      requireTime(`${fn}.scale`, "t", t, T);
      return 1;
    },
    std: (t: number) => std(requireTime(`${fn}.std`, "t", t, T)),
    marginal(t: number, x0: Float64Array) {
      checkMarginal(`${fn}.marginal`, t, x0, dim, T);
      return isotropicMoments(1, std(t), x0);
    },
    ...linearTransitionDensity(fn, dim, T, (s, t) => ({
      scale: 1,
      variance: sigma * sigma * (t - s),
    })),
    prior: isotropicPrior(dim, 0, std(T)),
    exact(t: number, x0: Float64Array, w: Float64Array, out: Float64Array, n: number) {
      checkExact(`${fn}.exact`, t, x0, w, out, n, dim, T);
      for (let i = 0; i < n * dim; i++) out[i] = x0[i] + sigma * w[i];
    },
  });
}
