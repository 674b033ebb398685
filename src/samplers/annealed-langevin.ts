import type { LinearProcess } from "../processes";
import { fillNormal, type Rng } from "../rng";
import type { ScoreFunction } from "../score";
import { checkSampler } from "./validate";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { sqrt } = Math;

/**
 * For noise levels $t_1 > \dots > t_L$ (uniform from T to $t_{min}$): $\alpha_i = \epsilon\,\sigma_{t_i}^2/\sigma_{t_L}^2$
 * and K steps $x \leftarrow x + \tfrac{\alpha_i}2 s(t_i, x) + \sqrt{\alpha_i}\,z$: Langevin dynamics
 * for each $p_{t_i}$ in turn, started from the previous level. Biased for any finite step (no
 * Metropolis correction). Returns samples of ≈ $p_{t_{min}}$.
 * @param rng noise @param process linear process (std) @param score $s(t, x)$, dimension d
 * @param x (n, d) start @param n rows
 * @param options levels L (default 100), stepsPerLevel K (default 10), epsilon ε (default 2e-5, Song & Ermon's), tMin (default 1e-3)
 * @see Song & Ermon (2019), NeurIPS, Algorithm 1
 */
export function annealedLangevin(
  rng: Rng,
  process: LinearProcess,
  score: ScoreFunction,
  x: Float64Array,
  n: number,
  options: { levels?: number; stepsPerLevel?: number; epsilon?: number; tMin?: number } = {},
): Float64Array {
  const { levels = 100, stepsPerLevel = 10, epsilon = 2e-5, tMin = 1e-3 } = options;
  const fn = "annealedLangevin";
  const y = checkSampler(fn, score, x, n, levels, tMin, process.T);
  if (!Number.isInteger(stepsPerLevel) || stepsPerLevel < 1) {
    throw new RangeError(`${fn}: stepsPerLevel must be a positive integer, got ${stepsPerLevel}`);
  }
  if (!(epsilon > 0)) throw new RangeError(`${fn}: epsilon must be positive, got ${epsilon}`);
  const s = new Float64Array(y.length); // (n, d)
  const z = new Float64Array(y.length); // (n, d)
  const sL = process.std(tMin) ** 2;
  for (let i = 0; i < levels; i++) {
    const t = levels === 1 ? tMin : process.T - ((process.T - tMin) * i) / (levels - 1);
    const alpha = (epsilon * process.std(t) ** 2) / sL;
    const c = sqrt(alpha);
    for (let k = 0; k < stepsPerLevel; k++) {
      score.score(t, y, s, n);
      fillNormal(rng, z);
      for (let j = 0; j < y.length; j++) y[j] += 0.5 * alpha * s[j] + c * z[j];
    }
  }
  return y;
}
