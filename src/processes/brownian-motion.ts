import {
  checkDim,
  checkMarginalArgs,
  checkPositive,
  isotropicLinearSde,
  isotropicMoments,
  isotropicPrior,
} from "./helpers";
import type { LinearProcess } from "./process";

/**
 * $dX = \sigma\,dW$: $X_t = x_0 + \sigma W_t$, so scale = 1 and std = $\sigma\sqrt t$.
 * Prior: $N(0, \sigma^2 T\,I)$ (the marginal at T from $x_0 = 0$).
 * @param options sigma (default 1), T (default 1), dim d (default 1)
 * @see Karatzas & Shreve (1991), Brownian Motion and Stochastic Calculus, Def. 2.1.1
 */
export function brownianMotion(
  options: { sigma?: number; T?: number; dim?: number } = {},
): LinearProcess {
  const { sigma = 1, T = 1, dim = 1 } = options;
  checkPositive("brownianMotion", "sigma", sigma);
  checkPositive("brownianMotion", "T", T);
  checkDim("brownianMotion", dim);
  const std = (t: number): number => sigma * Math.sqrt(t);
  return Object.freeze({
    name: "brownianMotion",
    dim,
    T,
    sde: isotropicLinearSde(
      dim,
      () => 0,
      () => sigma,
    ),
    scale: () => 1,
    std,
    marginal(t: number, x0: Float64Array) {
      checkMarginalArgs("brownianMotion.marginal", t, x0, dim);
      return isotropicMoments(1, std(t), x0);
    },
    prior: isotropicPrior(dim, 0, std(T)),
    exact(_t: number, x0: Float64Array, w: Float64Array, out: Float64Array, n: number) {
      for (let i = 0; i < n * dim; i++) out[i] = x0[i] + sigma * w[i];
    },
  });
}
