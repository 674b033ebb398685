import type { VpProcess } from "../processes";
import { fillNormal, type Rng } from "../rng";
import type { ScoreFunction } from "../score";
import { checkSampler } from "./validate";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { sqrt } = Math;

/**
 * $x_{i-1} = \big(x_i + \beta_i\,s(t_i, x_i)\big)/\sqrt{1-\beta_i} + \sqrt{\beta_i}\,z_i$,
 * $1 - \beta_i = \bar\alpha(t_i)/\bar\alpha(t_{i-1})$, on $t_i = t_{min} + (T - t_{min})\,i/N$,
 * $i = N..1$, no noise on the last step: DDPM's ancestral sampler written with the score
 * ($\varepsilon_\theta = -\sigma_t s$). Returns samples of ≈ $p_{t_{min}}$.
 * @param rng noise @param process VP process (alphaBar) @param score $s(t, x)$, dimension d
 * @param xT (n, d) start, ≈ prior samples @param n rows
 * @param options steps N (default 1000), tMin (default 1e-3)
 * @see Ho et al. (2020), NeurIPS, Algorithm 2; Song et al. (2021), ICLR, eq. (47)
 */
export function ddpmAncestral(
  rng: Rng,
  process: VpProcess,
  score: ScoreFunction,
  xT: Float64Array,
  n: number,
  options: { steps?: number; tMin?: number } = {},
): Float64Array {
  const { steps = 1000, tMin = 1e-3 } = options;
  const x = checkSampler("ddpmAncestral", score, xT, n, steps, tMin, process.T);
  const s = new Float64Array(x.length); // (n, d)
  const z = new Float64Array(x.length); // (n, d)
  const time = (i: number): number => tMin + ((process.T - tMin) * i) / steps;
  for (let i = steps; i >= 1; i--) {
    const a = process.alphaBar(time(i)) / process.alphaBar(time(i - 1));
    const beta = 1 - a;
    score.score(time(i), x, s, n);
    const c = 1 / sqrt(a);
    const noise = i > 1 ? sqrt(beta) : 0;
    if (noise > 0) fillNormal(rng, z);
    for (let k = 0; k < x.length; k++) x[k] = c * (x[k] + beta * s[k]) + noise * z[k];
  }
  return x;
}
