import { requireFinite, requireOptions } from "../base";
import { definePath, requirePath, type ProbabilityPath } from "./probability-path";

/**
 * $x_t = \alpha_t x_0 + \sigma_t\varepsilon + \gamma(t)z$ with $\gamma(t)^2 = a\,s(1 - s)$,
 * $s = t/T$, $z \sim \mathcal N(0, I)$ independent of ε: a stochastic interpolant whose extra
 * noise vanishes at both ends. With Gaussian noise at the far end it has the law of the Gaussian
 * path $(\alpha_t, \sqrt{\sigma_t^2 + \gamma(t)^2})$ (σε + γz is $\mathcal N(0, (\sigma^2 + \gamma^2)I)$),
 * returned here: $d\tilde\sigma^2/dt = d\sigma^2/dt + a(1 - 2s)/T$ and
 * $\dot{\tilde\sigma} = (d\tilde\sigma^2/dt)/(2\tilde\sigma)$ ($+\infty$ where $\tilde\sigma = 0$).
 * @param base the path (α, σ) of the interpolant without γ
 * @param options noise a ≥ 0 (γ(t)² = a s(1 − s); a = 0 returns the base path's law)
 * @see Albergo, Boffi & Vanden-Eijnden (2023), arXiv:2303.08797, Definition 2.1 (γ(t)z); Albergo & Vanden-Eijnden (2023), ICLR, §2
 */
export function interpolantPath(
  base: ProbabilityPath,
  options: { noise: number },
): ProbabilityPath {
  const fn = "interpolantPath";
  requirePath(fn, base, "base");
  const o = requireOptions(fn, options);
  const a = requireFinite(fn, "options.noise", o.noise, "a finite number >= 0", (v) => v >= 0);
  const T = base.T;
  const gamma2 = (t: number): number => (a * t * (T - t)) / (T * T);
  const std = (t: number): number => Math.sqrt(base.std(t) ** 2 + gamma2(t));
  const varianceRate = (t: number): number => base.varianceRate(t) + (a * (T - 2 * t)) / (T * T);
  return definePath(fn, T, {
    scale: (t) => base.scale(t),
    std,
    scaleRate: (t) => base.scaleRate(t),
    stdRate: (t) => {
      const s = std(t);
      if (s > 0) return varianceRate(t) / (2 * s);
      return a === 0 ? base.stdRate(t) : Infinity; // γ̇ = +∞ where γ = 0 and a > 0
    },
    varianceRate,
  });
}
