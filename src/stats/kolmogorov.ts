import { requireNotNaN } from "../base";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { PI, exp, floor, max, min, pow, sqrt } = Math;

/**
 * $Q_{KS}(\lambda) = 2\sum_{k\ge1} (-1)^{k-1} e^{-2k^2\lambda^2} = \lim_n P(\sqrt n D_n > \lambda)$;
 * for $\lambda < 1.18$ the equivalent Jacobi form
 * $1 - \frac{\sqrt{2\pi}}{\lambda}\sum_{k\ge1} e^{-(2k-1)^2\pi^2/(8\lambda^2)}$ converges faster.
 * @param lambda $\lambda \ge 0$
 * @see A. N. Kolmogorov (1933), Giorn. Ist. Ital. Attuari 4, 83-91 (the limit law).
 */
export function kolmogorovSurvival(lambda: number): number {
  requireNotNaN("kolmogorovSurvival", "lambda", lambda, "a number >= 0", (v) => v >= 0);
  if (lambda <= 0) return 1;
  if (lambda < 1.18) {
    const w = (PI * PI) / (8 * lambda * lambda);
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

/** $C = A B$ for (m, m) row-major matrices. */
function multiply(a: Float64Array, b: Float64Array, c: Float64Array, m: number): void {
  c.fill(0);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k];
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) c[i * m + j] += aik * b[k * m + j];
    }
  }
}

/**
 * $P(D_n < d)$ for the one-sample Kolmogorov statistic of $n$ continuous observations, exactly,
 * as $\frac{n!}{n^n}(H^n)_{kk}$ with Durbin's $(2k-1)\times(2k-1)$ matrix $H$, $k = \lceil nd \rceil$,
 * using powers of 10 carried apart to avoid overflow. In the far upper tail
 * ($nd^2 > 7.24$, or $nd^2 > 3.76$ with $n > 99$) it returns the authors' approximation
 * $1 - 2e^{-(2.000071 + 0.331/\sqrt n + 1.409/n)\,nd^2}$ (error below 5e-6 there, where $P > 0.9999$).
 * @param n sample size, a positive integer
 * @param d statistic, $0 \le d \le 1$
 * @see G. Marsaglia, W. W. Tsang & J. Wang (2003), "Evaluating Kolmogorov's Distribution",
 *   J. Stat. Softw. 8(18), section 3 and the C listing `K(n, d)`; J. Durbin (1973).
 */
export function kolmogorovCdf(n: number, d: number): number {
  requireNotNaN(
    "kolmogorovCdf",
    "n",
    n,
    "a positive integer",
    (v) => Number.isInteger(v) && v >= 1,
  );
  requireNotNaN("kolmogorovCdf", "d", d, "a number in [0, 1]", (v) => v >= 0 && v <= 1);
  if (d <= 0.5 / n) return 0; // D_n >= 1/(2n) always
  if (d >= 1) return 1;
  const s = d * d * n;
  if (s > 7.24 || (s > 3.76 && n > 99)) {
    return 1 - 2 * exp(-(2.000071 + 0.331 / sqrt(n) + 1.409 / n) * s);
  }
  const k = floor(n * d) + 1;
  const m = 2 * k - 1;
  const h = k - n * d;
  const H = new Float64Array(m * m); // (m, m) row-major
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) H[i * m + j] = i - j + 1 < 0 ? 0 : 1;
  for (let i = 0; i < m; i++) {
    H[i * m] -= pow(h, i + 1);
    H[(m - 1) * m + i] -= pow(h, m - i);
  }
  H[(m - 1) * m] += 2 * h - 1 > 0 ? pow(2 * h - 1, m) : 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      for (let g = 1; g <= i - j + 1; g++) H[i * m + j] /= g;
    }
  }
  // V = H^n by binary powering, with V = mantissa * 10^e
  let V = Float64Array.from(H);
  let eV = 0;
  let T = new Float64Array(m * m);
  const bits = n.toString(2);
  for (let b = 1; b < bits.length; b++) {
    multiply(V, V, T, m);
    [V, T] = [T, V];
    eV *= 2;
    if (bits[b] === "1") {
      multiply(H, V, T, m);
      [V, T] = [T, V];
    }
    if (V[(m >> 1) * m + (m >> 1)] > 1e140) {
      for (let i = 0; i < m * m; i++) V[i] *= 1e-140;
      eV += 140;
    }
  }
  let p = V[(k - 1) * m + k - 1];
  for (let i = 1; i <= n; i++) {
    p = (p * i) / n;
    if (p < 1e-140) {
      p *= 1e140;
      eV -= 140;
    }
  }
  return min(1, max(0, p * pow(10, eV)));
}
