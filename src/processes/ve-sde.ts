import { requirePositive, requireTime } from "../base";
import { isotropicLinearSde, isotropicMoments, isotropicPrior } from "./helpers";
import type { LinearProcess } from "./process";
import { linearTransitionDensity } from "./transition-density";
import { checkMarginal, readOptions } from "./validate";

/** A VE process also exposes its noise scale. */
export interface VeProcess extends LinearProcess {
  /** $\sigma(t) = \sigma_{min}(\sigma_{max}/\sigma_{min})^t$ @param t time in [0, T] */
  sigma(t: number): number;
}

/**
 * VE SDE $dX = \sigma(t)\sqrt{2\ln(\sigma_{max}/\sigma_{min})}\,dW$, geometric $\sigma(t)$:
 * scale = 1, std $= \sqrt{\sigma(t)^2 - \sigma_{min}^2}$ (exact; eq. (31) quotes
 * $\sigma(t)^2$, which counts the $\sigma_{min}$ already in the data); transition variance
 * $\sigma(t)^2 - \sigma(s)^2$. Prior $N(0, \sigma(T)^2 I)$ ($\sigma_{max}$ at T = 1).
 * @param options sigmaMin (default 0.01), sigmaMax (default 50, CIFAR-10), T (default 1), dim
 * @see Song et al. (2021), Score-Based Generative Modeling through SDEs, ICLR, eq. (30)–(31)
 */
export function veSde(
  options: { sigmaMin?: number; sigmaMax?: number; T?: number; dim?: number } = {},
): VeProcess {
  const fn = "veSde";
  const { sigmaMin = 0.01, sigmaMax = 50, T, dim } = readOptions(fn, options);
  requirePositive(fn, "sigmaMin", sigmaMin);
  requirePositive(fn, "sigmaMax", sigmaMax);
  if (sigmaMax <= sigmaMin) {
    throw new RangeError(`${fn}: sigmaMax must exceed sigmaMin = ${sigmaMin}, got ${sigmaMax}`);
  }
  const logRatio = Math.log(sigmaMax / sigmaMin);
  const sigma = (t: number): number => sigmaMin * Math.exp(logRatio * t);
  // σ(t)² − σ_min² = σ_min² (e^{2 t ln r} − 1), via expm1 for small t
  const std = (t: number): number => sigmaMin * Math.sqrt(Math.expm1(2 * logRatio * t));
  return Object.freeze({
    name: fn,
    dim,
    T,
    sde: isotropicLinearSde(
      dim,
      () => 0,
      (t) => sigma(t) * Math.sqrt(2 * logRatio),
    ),
    sigma: (t: number) => sigma(requireTime(`${fn}.sigma`, "t", t, T)),
    scale(t: number) {
      requireTime(`${fn}.scale`, "t", t, T);
      return 1;
    },
    std: (t: number) => std(requireTime(`${fn}.std`, "t", t, T)),
    marginal(t: number, x0: Float64Array) {
      checkMarginal(`${fn}.marginal`, t, x0, dim, T);
      return isotropicMoments(1, std(t), x0);
    },
    // σ(t)² − σ(s)² = σ(s)² (e^{2(t − s) ln r} − 1)
    ...linearTransitionDensity(fn, dim, T, (s, t) => ({
      scale: 1,
      variance: sigma(s) ** 2 * Math.expm1(2 * logRatio * (t - s)),
    })),
    prior: isotropicPrior(dim, 0, sigma(T)),
  });
}
