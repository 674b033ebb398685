import type { LinearProcess } from "../processes";
import { exactMixtureScore, type ScoreFunction } from "../score";
import { mixtureAtTime, type GaussianMixture } from "../mixture";
import { requireFinite } from "../base";
import { checkClass, classifierGradient } from "./classifier";

/**
 * $\tilde s_t(x) = \nabla_x\log p_t(x) + \gamma\,\nabla_x\log p_t(y \mid x)$, both terms exact
 * for a mixture pushed through a linear process (the classes are the components, carried along).
 * γ = 1 gives the score of $p_t(x \mid y)$; γ ≠ 1 is the score of $p_t(x)\,p_t(y\mid x)^\gamma$ at
 * each t, which is NOT the diffused tilted law $p_0(x)p_0(y\mid x)^\gamma$ pushed forward.
 * @param data the data mixture $p_0$ (d-dimensional)
 * @param process a linear forward process of dimension d
 * @param y the class, an integer in [0, K)
 * @param gamma the guidance scale γ ≥ 0
 * @see Dhariwal & Nichol (2021), NeurIPS, §4 and Algorithm 1; Song et al. (2021), ICLR, eq. (14)
 */
export function classifierGuidedScore(
  data: GaussianMixture,
  process: LinearProcess,
  y: number,
  gamma: number,
): ScoreFunction {
  const fn = "classifierGuidedScore";
  const base = exactMixtureScore(data, process); // validates data and process
  checkClass(fn, data, y);
  requireFinite(fn, "gamma", gamma, "a finite number >= 0", (v) => v >= 0);
  const d = data.dim;
  let cache: { t: number; mix: GaussianMixture } | null = null;
  return Object.freeze({
    dim: d,
    score(t: number, x: Float64Array, out: Float64Array, n: number): void {
      if (cache === null || cache.t !== t) cache = { t, mix: mixtureAtTime(data, process, t) };
      base.score(t, x, out, n);
      const g = classifierGradient(cache.mix, y, x.subarray(0, n * d)); // (n, d)
      for (let i = 0; i < n * d; i++) out[i] += gamma * g[i];
    },
  });
}
