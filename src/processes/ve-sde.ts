import {
  checkDim,
  checkMarginalArgs,
  checkPositive,
  isotropicLinearSde,
  isotropicMoments,
  isotropicPrior,
} from "./helpers";
import type { LinearProcess } from "./process";

/** A VE process also exposes its noise scale. */
export interface VeProcess extends LinearProcess {
  /** $\sigma(t) = \sigma_{min}(\sigma_{max}/\sigma_{min})^t$ */
  sigma(t: number): number;
}

/**
 * VE SDE $dX = \sigma(t)\sqrt{2\ln(\sigma_{max}/\sigma_{min})}\,dW$, geometric $\sigma(t)$:
 * scale = 1, std $= \sqrt{\sigma(t)^2 - \sigma_{min}^2}$ (exact; eq. (31) quotes
 * $\sigma(t)^2$, which counts the $\sigma_{min}$ already in the data). Prior $N(0, \sigma(T)^2 I)$ ($\sigma_{max}$ at T = 1).
 * @param options sigmaMin (default 0.01), sigmaMax (default 50, CIFAR-10), T (default 1), dim
 * @see Song et al. (2021), Score-Based Generative Modeling through SDEs, ICLR, eq. (30)–(31)
 */
export function veSde(
  options: { sigmaMin?: number; sigmaMax?: number; T?: number; dim?: number } = {},
): VeProcess {
  const { sigmaMin = 0.01, sigmaMax = 50, T = 1, dim = 1 } = options;
  checkPositive("veSde", "sigmaMin", sigmaMin);
  checkPositive("veSde", "sigmaMax", sigmaMax);
  if (sigmaMax <= sigmaMin) {
    throw new RangeError(`veSde: sigmaMax must exceed sigmaMin = ${sigmaMin}, got ${sigmaMax}`);
  }
  checkPositive("veSde", "T", T);
  checkDim("veSde", dim);
  const logRatio = Math.log(sigmaMax / sigmaMin);
  const sigma = (t: number): number => sigmaMin * Math.exp(logRatio * t);
  // σ(t)² − σ_min² = σ_min² (e^{2 t ln r} − 1), via expm1 for small t
  const std = (t: number): number => sigmaMin * Math.sqrt(Math.expm1(2 * logRatio * t));
  return Object.freeze({
    name: "veSde",
    dim,
    T,
    sde: isotropicLinearSde(
      dim,
      () => 0,
      (t) => sigma(t) * Math.sqrt(2 * logRatio),
    ),
    sigma,
    scale: () => 1,
    std,
    marginal(t: number, x0: Float64Array) {
      checkMarginalArgs("veSde.marginal", t, x0, dim);
      return isotropicMoments(1, std(t), x0);
    },
    prior: isotropicPrior(dim, 0, sigma(T)),
  });
}
