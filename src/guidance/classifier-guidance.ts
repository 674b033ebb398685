import type { LinearProcess } from "../processes";
import type { ScoreFunction } from "../score";
import {
  MixtureKernels,
  pushForward,
  requireLinearProcess,
  type GaussianMixture,
} from "../mixture";
import { requireBatch, requireIndex, requireNonNegative, requireTime } from "../base";
import { classGradient } from "./classifier";

/**
 * $\tilde s_t(x) = \nabla_x\log p_t(x) + \gamma\,\nabla_x\log p_t(y \mid x)$, both terms exact
 * for a mixture pushed through a linear process (the classes are the components, carried along).
 * γ = 1 gives the score of $p_t(x \mid y)$; γ ≠ 1 is the score of $p_t(x)\,p_t(y\mid x)^\gamma$ at
 * each t, which is NOT the diffused tilted law $p_0(x)p_0(y\mid x)^\gamma$ pushed forward.
 * Its `score(t, x, out, n)` takes t in [0, T] (up to the rounding of a solver's t + h), n ≥ 1
 * rows of finite x, (n, d) row-major, and out of at least n·d entries.
 * @param data the data mixture $p_0$ (d-dimensional)
 * @param process a linear forward process of dimension d
 * @param y the class, an integer in [0, K)
 * @param gamma the guidance scale γ ≥ 0, finite
 * @see Dhariwal & Nichol (2021), NeurIPS, §4 and Algorithm 1; Song et al. (2021), ICLR, eq. (14)
 */
export function classifierGuidedScore(
  data: GaussianMixture,
  process: LinearProcess,
  y: number,
  gamma: number,
): ScoreFunction {
  const fn = "classifierGuidedScore";
  requireLinearProcess(fn, process, data, "data");
  requireIndex(fn, "y", y, data.components);
  requireNonNegative(fn, "gamma", gamma);
  const d = data.dim;
  // two times cached: a two-stage solver alternates between t_k and t_{k+1}
  const cache: { t: number; mix: GaussianMixture; kernels: MixtureKernels }[] = [];
  const at = (t: number): { mix: GaussianMixture; kernels: MixtureKernels } => {
    for (const c of cache) if (c.t === t) return c;
    const mix = pushForward(data, process.scale(t), process.std(t)); // p_t
    if (cache.length === 2) cache.shift();
    cache.push({ t, mix, kernels: new MixtureKernels(mix, `${fn}.score`) });
    return cache[cache.length - 1];
  };
  return Object.freeze({
    dim: d,
    score(t: number, x: Float64Array, out: Float64Array, n: number): void {
      const f = `${fn}.score`;
      const time = requireTime(f, "t", t, process.T, { slack: true }); // clamped into [0, T]
      requireBatch(f, x, out, n, d);
      const { mix, kernels } = at(time);
      kernels.score(x, out, n, f); // ∇ log p_t
      const g = classGradient(f, mix, y, x, n); // (n, d) ∇ log p_t(y | x)
      for (let i = 0; i < n * d; i++) out[i] += gamma * g[i];
    },
  });
}
