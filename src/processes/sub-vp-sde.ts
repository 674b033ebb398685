import {
  checkDim,
  checkMarginalArgs,
  checkPositive,
  isotropicLinearSde,
  isotropicMoments,
  isotropicPrior,
} from "./helpers";
import type { VpProcess } from "./vp-sde";

/**
 * sub-VP SDE $dX = -\tfrac12\beta(t)X\,dt + \sqrt{\beta(t)(1 - e^{-2\int_0^t\beta})}\,dW$:
 * scale $= e^{-\frac12\int_0^t\beta}$, std $= 1 - e^{-\int_0^t\beta}$ (never above the VP std).
 * Prior $N(0, I)$.
 * @param options betaMin (default 0.1), betaMax (default 20), T (default 1), dim (default 1)
 * @see Song et al. (2021), Score-Based Generative Modeling through SDEs, ICLR, eq. (34)
 */
export function subVpSde(
  options: { betaMin?: number; betaMax?: number; T?: number; dim?: number } = {},
): VpProcess {
  const { betaMin = 0.1, betaMax = 20, T = 1, dim = 1 } = options;
  checkPositive("subVpSde", "betaMin", betaMin);
  checkPositive("subVpSde", "betaMax", betaMax);
  checkPositive("subVpSde", "T", T);
  checkDim("subVpSde", dim);
  const beta = (t: number): number => betaMin + t * (betaMax - betaMin);
  const B = (t: number): number => betaMin * t + 0.5 * (betaMax - betaMin) * t * t;
  const scale = (t: number): number => Math.exp(-0.5 * B(t));
  const std = (t: number): number => -Math.expm1(-B(t));
  return Object.freeze({
    name: "subVpSde",
    dim,
    T,
    sde: isotropicLinearSde(
      dim,
      (t) => -0.5 * beta(t),
      (t) => Math.sqrt(beta(t) * -Math.expm1(-2 * B(t))),
    ),
    beta,
    alphaBar: (t: number) => Math.exp(-B(t)),
    scale,
    std,
    marginal(t: number, x0: Float64Array) {
      checkMarginalArgs("subVpSde.marginal", t, x0, dim);
      return isotropicMoments(scale(t), std(t), x0);
    },
    prior: isotropicPrior(dim, 0, 1),
  });
}
