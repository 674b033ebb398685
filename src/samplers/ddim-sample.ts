import { optionalInRange, requireOptions } from "../base";
import type { NormalStream } from "../brownian";
import type { LinearSchedule } from "./linear-schedule";
import type { ScoreFunction } from "../score";
import { samplingTimes, type SamplingTimesOptions } from "./sampling-times";
import { checkFiniteState, checkNoise, checkProcess, checkStart } from "./validate";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { sqrt } = Math;

/**
 * DDIM: from $x_t$ to $x_s$ ($s < t$, consecutive grid times) with $\hat\varepsilon = -\sigma_t\,s(t, x_t)$,
 *
 *     x̂_0 = (x_t − σ_t ε̂) / α_t                                       eq. (12), "predicted x_0"
 *     v   = η² σ_s² (1 − (σ_s α_t / (α_s σ_t))²)                      eq. (16) (any linear process)
 *     x_s = α_s x̂_0 + √(σ_s² − v) ε̂ + √v z,  z ~ N(0, I)              eq. (12)
 *
 * for a linear process $x_t = \alpha_t x_0 + \sigma_t\varepsilon$ (Song, Meng & Ermon write
 * $\sqrt{\alpha_t}$, $\sqrt{1-\alpha_t}$ and $\sigma_t(\eta)^2$ for our $\alpha_t$, $\sigma_t$, v).
 * η = 0 is deterministic: $x_s = \frac{\alpha_s}{\alpha_t}x_t - \sigma_s(e^{h} - 1)\hat\varepsilon$,
 * $h = \lambda_s - \lambda_t$, $\lambda = \log(\alpha/\sigma)$, the exponential-integrator step of
 * the probability-flow ODE (DPM-Solver-1, Lu et al. eq. (3.7)), and Euler's step in
 * $\tilde x = x/\alpha$, $\sigma(t) = \sigma_t/\alpha_t$ (Karras et al.); first order.
 * η = 1 is the posterior $q(x_s\mid x_t, \hat x_0)$: DDPM's ancestral step with $v = \tilde\beta$.
 * Noise: n·d normals from `noise` per step with v > 0 (none when η = 0; none on a last step to
 * $\sigma_s = 0$). Throws naming the step if the state stops being finite.
 * @param noise the z (e.g. `normalStream(rng)`); not read when η = 0
 * @param process a linear process (scale, std, T)
 * @param score $s(t, x)$, dimension d
 * @param xT (n, d) row-major start at the first time (copied)
 * @param n rows, positive integer
 * @param options eta η in [0, 1] (default 0); the times: steps K (default 50) and tMin (default
 *   1e-3) of a uniform grid from T, or times (K + 1, strictly decreasing in [0, T])
 * @returns (n, d) row-major samples at the last time
 * @see Song, Meng & Ermon (2021), ICLR, eq. (12) and (16) (DDIM), §4.3 (the ODE); Lu et al.
 *   (2022), NeurIPS, eq. (3.7) and §4.1 (DDIM is DPM-Solver-1)
 */
export function ddimSample(
  noise: NormalStream,
  process: LinearSchedule,
  score: ScoreFunction,
  xT: Float64Array,
  n: number,
  options: SamplingTimesOptions & { eta?: number } = {},
): Float64Array {
  const fn = "ddimSample";
  checkNoise(fn, noise);
  const T = checkProcess(fn, process, "a LinearProcess (vpSde, veSde, …)", ["scale", "std"]);
  const x = checkStart(fn, score, "xT", xT, n);
  const o = requireOptions(fn, options);
  const eta = optionalInRange(fn, "options.eta", o.eta, 0, 1) ?? 0;
  const times = samplingTimes(fn, T, o, false);
  const d = score.dim;
  const s = new Float64Array(x.length); // (n, d) s(t, x_t)
  const z = new Float64Array(x.length); // (n, d)
  for (let k = 0; k + 1 < times.length; k++) {
    const [t, tNext] = [times[k], times[k + 1]];
    const [alphaT, sigmaT] = [process.scale(t), process.std(t)];
    const [alphaS, sigmaS] = [process.scale(tNext), process.std(tNext)];
    const ratio = (sigmaS * alphaT) / (alphaS * sigmaT); // σ(s)/σ(t) < 1
    const v = eta * eta * sigmaS * sigmaS * (1 - ratio * ratio); // eq. (16)
    const a = alphaS / alphaT; // x̂_0's α_s, applied to x_t
    const b = sqrt(sigmaS * sigmaS - v) - a * sigmaT; // weight of ε̂: √(σ_s² − v) − α_s σ_t/α_t
    score.score(t, x, s, n);
    if (v > 0) {
      noise.normals(z);
      const c = sqrt(v);
      // x_s = α_s x̂_0 + √(σ_s² − v) ε̂ + √v z = a x_t + b ε̂ + √v z, ε̂ = −σ_t s
      for (let i = 0; i < x.length; i++) x[i] = a * x[i] - b * sigmaT * s[i] + c * z[i];
    } else {
      for (let i = 0; i < x.length; i++) x[i] = a * x[i] - b * sigmaT * s[i];
    }
    checkFiniteState(fn, x, d, `after step ${k + 1} (t = ${t} → ${tNext})`);
  }
  return x;
}
