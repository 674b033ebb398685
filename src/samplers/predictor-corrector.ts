import type { VpProcess } from "../processes";
import { fillNormal, type Rng } from "../rng";
import type { ScoreFunction } from "../score";
import { checkSampler } from "./validate";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { sqrt } = Math;

/**
 * Corrector: M Langevin steps $x \leftarrow x + \epsilon\,s(t_i, x) + \sqrt{2\epsilon}\,z$ with
 * $\epsilon = 2(r\,\lVert z\rVert/\lVert s\rVert)^2$ (norms averaged over the batch, r the
 * signal-to-noise ratio); predictor: one Euler–Maruyama step of the reverse SDE
 * $x \leftarrow x + [\tfrac12\beta x + \beta s]\,\Delta t + \sqrt{\beta\Delta t}\,z$ from $t_i$ to $t_{i-1}$.
 * Uniform grid $t_i = t_{min} + (T - t_{min})i/N$. Returns samples of ≈ $p_{t_{min}}$.
 * @param rng noise @param process VP process (beta) @param score $s(t, x)$, dimension d
 * @param xT (n, d) start @param n rows
 * @param options steps N (default 500), correctorSteps M (default 1), snr r (default 0.16), tMin (default 1e-3)
 * @see Song et al. (2021), ICLR, Algorithm 1 (PC sampling), Algorithm 5 (corrector for VP)
 */
export function predictorCorrector(
  rng: Rng,
  process: VpProcess,
  score: ScoreFunction,
  xT: Float64Array,
  n: number,
  options: { steps?: number; correctorSteps?: number; snr?: number; tMin?: number } = {},
): Float64Array {
  const { steps = 500, correctorSteps = 1, snr = 0.16, tMin = 1e-3 } = options;
  const fn = "predictorCorrector";
  const x = checkSampler(fn, score, xT, n, steps, tMin, process.T);
  if (!Number.isInteger(correctorSteps) || correctorSteps < 0) {
    throw new RangeError(
      `${fn}: correctorSteps must be a non-negative integer, got ${correctorSteps}`,
    );
  }
  if (!(snr > 0)) throw new RangeError(`${fn}: snr must be positive, got ${snr}`);
  const s = new Float64Array(x.length); // (n, d)
  const z = new Float64Array(x.length); // (n, d)
  const d = score.dim;
  const rowNorm = (a: Float64Array): number => {
    let acc = 0;
    for (let r = 0; r < n; r++) {
      let q = 0;
      for (let i = 0; i < d; i++) q += a[r * d + i] ** 2;
      acc += sqrt(q);
    }
    return acc / n;
  };
  const h = (process.T - tMin) / steps;
  for (let i = steps; i >= 1; i--) {
    const t = tMin + h * i;
    for (let m = 0; m < correctorSteps; m++) {
      score.score(t, x, s, n);
      fillNormal(rng, z);
      const eps = 2 * ((snr * rowNorm(z)) / rowNorm(s)) ** 2;
      const c = sqrt(2 * eps);
      for (let k = 0; k < x.length; k++) x[k] += eps * s[k] + c * z[k];
    }
    score.score(t, x, s, n);
    fillNormal(rng, z);
    const beta = process.beta(t);
    const c = sqrt(beta * h);
    for (let k = 0; k < x.length; k++) x[k] += (0.5 * beta * x[k] + beta * s[k]) * h + c * z[k];
  }
  return x;
}
