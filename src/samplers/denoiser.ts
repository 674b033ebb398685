import { requireBatch, requireFinite, requireInteger, requireInterface } from "../base";
import type { LinearSchedule } from "./linear-schedule";
import type { ScoreFunction } from "../score";
import { timeAt } from "./noise-level";
import { checkProcess } from "./validate";

/**
 * $D(x; \sigma) \approx \mathbb E[x_0 \mid x_0 + \sigma n = x]$, a denoiser in EDM's form (data
 * plus noise of level σ, no scaling): what the samplers of Karras et al. call. Its score is
 * $\nabla_x\log p(x; \sigma) = (D(x; \sigma) - x)/\sigma^2$.
 */
export interface Denoiser {
  /** d, state dimension */
  readonly dim: number;
  /**
   * $D(x; \sigma)$. @param sigma noise level ≥ 0 @param x (n, d) row-major
   * @param out (n, d) row-major @param n rows
   */
  denoise(sigma: number, x: Float64Array, out: Float64Array, n: number): void;
}

/**
 * $D(\tilde x; \sigma) = \tilde x + \sigma^2\alpha_t\,s(t, \alpha_t\tilde x)$ with $t = t(\sigma)$: the
 * denoiser of a score $s(t, x) \approx \nabla\log p_t(x)$ of a linear process, in the variables
 * $\tilde x = x/\alpha_t$, $\sigma = \sigma_t/\alpha_t$ ({@link noiseLevel}), where
 * $\tilde x = x_0 + \sigma n$. With $\hat\varepsilon = -\sigma_t s$ it reads
 * $D = \tilde x - \sigma\,\hat\varepsilon(\alpha_t\tilde x, t)$: the VP column of EDM's Table 1,
 * $c_{skip} = 1$, $c_{out} = -\sigma$, $c_{in} = \alpha_t = 1/\sqrt{\sigma^2 + 1}$,
 * $c_{noise} = t(\sigma)$. The times of the last two σ are cached (Heun alternates between two).
 * `denoise` takes σ in $[\sigma(0), \sigma(T)]$ and a batch as a ScoreFunction does (errors name
 * `denoiserFromScore.denoise`).
 * @param process the linear process the score belongs to (scale, std, T)
 * @param score $s(t, x)$, dimension d
 * @see Karras et al. (2022), NeurIPS, eq. (3) (score = (D − x)/σ²), eq. (4) and Table 1 (VP column)
 */
export function denoiserFromScore(process: LinearSchedule, score: ScoreFunction): Denoiser {
  const fn = "denoiserFromScore";
  const T = checkProcess(fn, process, "a LinearProcess (vpSde, veSde, …)", ["scale", "std"]);
  requireInterface(fn, "score", score, "a ScoreFunction", ["score"]);
  const d = requireInteger(fn, "score.dim", score.dim, 1);
  const lo = process.std(0) / process.scale(0);
  const hi = process.std(T) / process.scale(T);
  const cache: { sigma: number; t: number; alpha: number }[] = [];
  const at = (sigma: number) => {
    for (const c of cache) if (c.sigma === sigma) return c;
    const t = timeAt(process, sigma, T);
    const c = { sigma, t, alpha: process.scale(t) };
    if (cache.length === 2) cache.shift();
    cache.push(c);
    return c;
  };
  let scaled = new Float64Array(0); // (n, d) α_t x̃
  return Object.freeze({
    dim: d,
    denoise(sigma: number, x: Float64Array, out: Float64Array, n: number): void {
      const method = `${fn}.denoise`;
      requireFinite(method, "sigma", sigma, `a noise level in [${lo}, ${hi}]`, (s) => {
        return s >= lo && s <= hi;
      });
      const rows = requireBatch(method, x, out, n, d, { finite: false });
      const size = rows * d;
      if (scaled.length < size) scaled = new Float64Array(size);
      const { t, alpha } = at(sigma);
      for (let i = 0; i < size; i++) scaled[i] = alpha * x[i];
      score.score(t, scaled, out, rows); // s(t, α x̃)
      const c = sigma * sigma * alpha;
      for (let i = 0; i < size; i++) out[i] = x[i] + c * out[i]; // x̃ + σ² α s
    },
  });
}
