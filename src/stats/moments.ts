import { requireSample } from "../base";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { max, pow, sqrt } = Math;

/** Sample moments with the standard errors of the mean and variance. */
export interface Moments {
  /** Sample size $n$. */
  readonly n: number;
  /** $\bar x = \frac1n \sum x_i$. */
  readonly mean: number;
  /** Unbiased variance $s^2 = \frac{1}{n-1}\sum (x_i - \bar x)^2$. */
  readonly variance: number;
  /** $s = \sqrt{s^2}$. */
  readonly std: number;
  /** Skewness $g_1 = m_3 / m_2^{3/2}$ with $m_k = \frac1n \sum (x_i - \bar x)^k$ (NaN if $m_2 = 0$). */
  readonly skewness: number;
  /** Excess kurtosis $g_2 = m_4 / m_2^2 - 3$ (NaN if $m_2 = 0$). */
  readonly kurtosis: number;
  /** Standard error of the mean, $s / \sqrt n$. */
  readonly meanSE: number;
  /** Standard error of $s^2$, $\sqrt{(m_4 - \frac{n-3}{n-1} m_2^2) / n}$ (delta method, any law). */
  readonly varianceSE: number;
}

/**
 * Moments from the central sums $S_k = \sum (x_i - \bar x)^k$, $k = 2, 3, 4$ (shared by `moments`
 * and `Welford`; not re-exported).
 */
export function momentsFromCentralSums(
  n: number,
  mean: number,
  s2: number,
  s3: number,
  s4: number,
): Moments {
  const m2 = s2 / n;
  const m4 = s4 / n;
  const variance = s2 / (n - 1);
  return {
    n,
    mean,
    variance,
    std: sqrt(variance),
    skewness: m2 > 0 ? s3 / n / pow(m2, 1.5) : NaN,
    kurtosis: m2 > 0 ? m4 / (m2 * m2) - 3 : NaN,
    meanSE: sqrt(variance / n),
    varianceSE: sqrt(max(0, m4 - ((n - 3) / (n - 1)) * m2 * m2) / n),
  };
}

/**
 * $\bar x$, $s^2$, $g_1$, $g_2$ and standard errors of a sample, by two passes (mean, then central
 * sums), which is exact up to rounding for any shift of the data.
 * @param xs sample, shape (n,), n >= 2, finite values. Skewness and kurtosis are NaN for a
 *   constant sample ($m_2 = 0$: undefined). Deviations $|x_i - \bar x|$ above about $10^{77}$
 *   overflow the fourth-power sum (kurtosis and varianceSE become Infinity or NaN), above
 *   $10^{154}$ the variance too: rescale such data first.
 * @see D. N. Joanes & C. A. Gill (1998), "Comparing measures of sample skewness and kurtosis",
 *   The Statistician 47(1), 183-189 (the estimators $g_1$, $g_2$); T. F. Chan, G. H. Golub &
 *   R. J. LeVeque (1983), Am. Stat. 37(3) (corrected two-pass algorithm).
 */
export function moments(xs: ArrayLike<number>): Moments {
  requireSample("moments", "xs", xs, 2);
  const n = xs.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i];
  const mean = sum / n;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - mean;
    const d2 = d * d;
    s1 += d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  // s1 is the rounding residual of the mean: the corrected two-pass algorithm (Chan et al. 1983)
  return momentsFromCentralSums(n, mean + s1 / n, s2 - (s1 * s1) / n, s3, s4);
}
