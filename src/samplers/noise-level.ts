import { requireFinite, requireTime } from "../base";
import type { LinearSchedule } from "./linear-schedule";
import { checkProcess } from "./validate";

/**
 * $\sigma(t) = \sigma_t/\alpha_t$, EDM's noise level of a linear process: $x_t/\alpha_t = x_0 +
 * \sigma(t)\,\varepsilon$, so every linear process is, in $\tilde x = x/\alpha_t$, the variance-
 * exploding one with noise level $\sigma(t)$ (VP: $\sigma(t) = \sqrt{1/\bar\alpha_t - 1}$; VE:
 * $\alpha_t = 1$). It is $e^{-\lambda_t}$ for Lu et al.'s half log-SNR $\lambda_t = \log(\alpha_t/\sigma_t)$.
 * @param process a linear process (scale, std, T)
 * @param t time in [0, T]
 * @see Karras et al. (2022), NeurIPS, eq. (4) and Table 1 (σ(t), s(t) = α_t); Lu et al. (2022),
 *   NeurIPS, §3.1 (λ_t)
 */
export function noiseLevel(process: LinearSchedule, t: number): number {
  const fn = "noiseLevel";
  const T = checkProcess(fn, process, "a LinearProcess (vpSde, veSde, …)", ["scale", "std"]);
  const time = requireTime(fn, "t", t, T);
  return process.std(time) / process.scale(time);
}

/**
 * $t(\sigma)$, the inverse of {@link noiseLevel}: the time at which $\sigma_t/\alpha_t = \sigma$, by
 * bisection on [0, T] to the last bit of t ($\sigma(t)$ increases: the noise of $x/\alpha_t$ only
 * accumulates). Throws unless σ lies in $[\sigma(0), \sigma(T)]$.
 * @param process a linear process (scale, std, T)
 * @param sigma noise level in $[\sigma(0), \sigma(T)]$
 * @see Karras et al. (2022), NeurIPS, Table 1 ($\sigma^{-1}$, the VP row's $c_{noise}$); Lu et al.
 *   (2022), NeurIPS, §3.3 ($t_\lambda$, the inverse of λ)
 */
export function timeAtNoiseLevel(process: LinearSchedule, sigma: number): number {
  const fn = "timeAtNoiseLevel";
  const T = checkProcess(fn, process, "a LinearProcess (vpSde, veSde, …)", ["scale", "std"]);
  const lo = process.std(0) / process.scale(0);
  const hi = process.std(T) / process.scale(T);
  requireFinite(fn, "sigma", sigma, `a noise level in [σ(0), σ(T)] = [${lo}, ${hi}]`, (s) => {
    return s >= lo && s <= hi;
  });
  return timeAt(process, sigma, T);
}

/** $t(\sigma)$ by bisection, arguments already checked (σ in range). @internal */
export function timeAt(process: LinearSchedule, sigma: number, T: number): number {
  if (sigma <= process.std(0) / process.scale(0)) return 0;
  if (sigma >= process.std(T) / process.scale(T)) return T;
  let a = 0;
  let b = T;
  for (let k = 0; k < 200; k++) {
    const m = 0.5 * (a + b);
    if (m <= a || m >= b) break; // a and b adjacent doubles
    if (process.std(m) / process.scale(m) < sigma) a = m;
    else b = m;
  }
  return b;
}
