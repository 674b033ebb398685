import { kolmogorovSurvival } from "./kolmogorov";
import type { KsResult } from "./ks-one-sample";
import { requireSample } from "../base";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { abs, floor, max, min, sqrt } = Math;

/** Largest $nm$ for which the exact lattice-path distribution is used. */
const EXACT_MAX_NM = 1e7;

/**
 * $P(D_{n,m} < d)$ for two continuous samples: the fraction of monotone lattice paths from
 * $(0,0)$ to $(n,m)$ with $|i/n - j/m| < d$ throughout, counted with normalised weights.
 * @see J. L. Hodges (1958), Ark. Mat. 3, 469-486; the same recursion as R's `psmirnov`.
 */
function smirnovCdf(n: number, m: number, d: number): number {
  if (n > m) [n, m] = [m, n];
  // D n m is an integer; q sits half a lattice unit below d, so "<= q" means "< d"
  const q = (0.5 + floor(d * n * m - 1e-7)) / (n * m);
  const u = new Float64Array(m + 1);
  for (let j = 0; j <= m; j++) u[j] = j / m > q ? 0 : 1;
  for (let i = 1; i <= n; i++) {
    const w = i / (i + m);
    u[0] = i / n > q ? 0 : w * u[0];
    for (let j = 1; j <= m; j++) u[j] = abs(i / n - j / m) > q ? 0 : w * u[j] + u[j - 1];
  }
  return u[m];
}

/**
 * $D_{n,m} = \sup_x |F_n(x) - G_m(x)|$ for two samples. p-value: exact (lattice paths) when
 * $nm \le 10^7$, otherwise $Q_{KS}\big((\sqrt{n_e} + 0.12 + 0.11/\sqrt{n_e})\,D\big)$ with
 * $n_e = nm/(n+m)$ (Stephens' correction; absolute error up to about 2e-3 at these sizes).
 * The exact law assumes continuous data (ties make it conservative).
 * @param xs first sample, shape (n,), n >= 1
 * @param ys second sample, shape (m,), m >= 1
 * @see N. Smirnov (1939); Hodges (1958); M. A. Stephens (1970), J. R. Stat. Soc. B 32(1).
 */
export function ksTwoSample(xs: ArrayLike<number>, ys: ArrayLike<number>): KsResult {
  requireSample("ksTwoSample", "xs", xs, 1);
  requireSample("ksTwoSample", "ys", ys, 1);
  const n = xs.length;
  const m = ys.length;
  const a = Float64Array.from(xs).sort();
  const b = Float64Array.from(ys).sort();
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n && j < m) {
    const t = min(a[i], b[j]);
    while (i < n && a[i] === t) i++; // step over ties in both samples together
    while (j < m && b[j] === t) j++;
    d = max(d, abs(i / n - j / m));
  }
  let pValue: number;
  if (n * m <= EXACT_MAX_NM) {
    pValue = 1 - smirnovCdf(n, m, d);
  } else {
    const ne = sqrt((n * m) / (n + m));
    pValue = kolmogorovSurvival((ne + 0.12 + 0.11 / ne) * d);
  }
  return { statistic: d, pValue: min(1, max(0, pValue)) };
}
