import { durbinCdf } from "./kolmogorov-durbin";
import { pelzGoodCdf } from "./pelz-good";
import { requireInRange, requireInteger, requireNotNaN } from "../base";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { PI, exp, max, min, sqrt } = Math;

/**
 * $Q_{KS}(\lambda) = 2\sum_{k\ge1} (-1)^{k-1} e^{-2k^2\lambda^2} = \lim_n P(\sqrt n D_n > \lambda)$;
 * for $\lambda < 1.18$ the equivalent Jacobi form
 * $1 - \frac{\sqrt{2\pi}}{\lambda}\sum_{k\ge1} e^{-(2k-1)^2\pi^2/(8\lambda^2)}$ converges faster.
 * @param lambda $\lambda \ge 0$ ($Q_{KS}(\infty) = 0$)
 * @see A. N. Kolmogorov (1933), Giorn. Ist. Ital. Attuari 4, 83-91 (the limit law).
 */
export function kolmogorovSurvival(lambda: number): number {
  requireNotNaN("kolmogorovSurvival", "lambda", lambda, "a number >= 0", (v) => v >= 0);
  if (lambda <= 0) return 1;
  if (lambda < 1.18) {
    const w = (PI * PI) / (8 * lambda * lambda);
    if (w > 708) return 1; // λ < 0.042: the sum is below 60·e^{-708} ≈ 2e-306
    let s = 0;
    for (let k = 1; k <= 20; k++) s += exp(-(2 * k - 1) * (2 * k - 1) * w);
    return max(0, 1 - (sqrt(2 * PI) / lambda) * s);
  }
  let s = 0;
  for (let k = 1; k <= 100; k++) {
    const term = exp(-2 * k * k * lambda * lambda);
    s += k % 2 === 1 ? term : -term;
    if (term < 1e-17 * s) break;
  }
  return min(1, 2 * s);
}

/** Largest n for the exact (Durbin) law; above it the Pelz–Good expansion, error < 0.07/n². */
const EXACT_MAX_N = 1000;

/**
 * $P(D_n < d)$ for the one-sample Kolmogorov statistic of $n$ continuous observations.
 * For $n \le 1000$: exact (Durbin's matrix, Marsaglia–Tsang–Wang), except in the far upper tail
 * ($nd^2 > 7.24$, or $nd^2 > 3.76$ with $n > 99$), where it returns the authors' approximation
 * $1 - 2e^{-(2.000071 + 0.331/\sqrt n + 1.409/n)\,nd^2}$ (error below 5e-6 there, where $P > 0.9999$).
 * For $n > 1000$: Pelz and Good's asymptotic expansion to $O(n^{-3/2})$, absolute error below
 * $0.07/n^2 < 7\times10^{-8}$ (measured against the exact law, n = 100 to 10⁴), and 1 once
 * $nd^2 \ge 18$ ($1 - P < 2e^{-36} = 5\times10^{-16}$). The switch keeps the exact law where it is
 * cheap ($nd \le 62$ in the body, a 123 × 123 matrix) and the expansion where its error is
 * far below the exact branch's tail approximation; every call costs at most a few ms, for any n.
 * @param n sample size, a positive integer
 * @param d statistic, $0 \le d \le 1$
 * @see G. Marsaglia, W. W. Tsang & J. Wang (2003), "Evaluating Kolmogorov's Distribution",
 *   J. Stat. Softw. 8(18); W. Pelz & I. J. Good (1976), J. R. Stat. Soc. B 38(2), 152-156;
 *   R. Simard & P. L'Ecuyer (2011), J. Stat. Softw. 39(11) (the same switch, at n = 140).
 */
export function kolmogorovCdf(n: number, d: number): number {
  requireInteger("kolmogorovCdf", "n", n, 1);
  requireInRange("kolmogorovCdf", "d", d, 0, 1);
  if (d <= 0.5 / n) return 0; // D_n >= 1/(2n) always
  if (d >= 1) return 1;
  const s = d * d * n;
  if (n > EXACT_MAX_N) return s >= 18 ? 1 : pelzGoodCdf(n, d);
  if (s > 7.24 || (s > 3.76 && n > 99)) {
    return 1 - 2 * exp(-(2.000071 + 0.331 / sqrt(n) + 1.409 / n) * s);
  }
  return durbinCdf(n, d);
}
