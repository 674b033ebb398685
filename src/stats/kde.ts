import { sortedQuantile } from "./quantile";
import { requireOptions, requirePositive, requireSample } from "../base";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { exp, min, pow, sqrt, PI } = Math;

/**
 * $h = 0.9\,\min(s, \mathrm{IQR}/1.34)\,n^{-1/5}$: Silverman's rule-of-thumb bandwidth
 * (falls back to $s$ when the IQR is 0, and to 1 for a constant sample).
 * @param xs sample, shape (n,), n >= 2, finite values
 * @see B. W. Silverman (1986), Density Estimation for Statistics and Data Analysis, eq. (3.31).
 */
export function silvermanBandwidth(xs: ArrayLike<number>): number {
  requireSample("silvermanBandwidth", "xs", xs, 2);
  const n = xs.length;
  const sorted = Float64Array.from(xs).sort();
  let mean = 0;
  for (let i = 0; i < n; i++) mean += sorted[i] / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (sorted[i] - mean) * (sorted[i] - mean);
  const s = sqrt(ss / (n - 1));
  const iqr = sortedQuantile(sorted, 0.75) - sortedQuantile(sorted, 0.25);
  const spread = iqr > 0 ? min(s, iqr / 1.34) : s;
  return spread > 0 ? 0.9 * spread * pow(n, -0.2) : 1;
}

/**
 * $\hat p(x) = \frac{1}{n h}\sum_i \varphi\big((x - x_i)/h\big)$: the Gaussian kernel density
 * estimate evaluated on `grid`, in $O(n \cdot \text{grid})$.
 * @param xs sample, shape (n,), n >= 2, finite values
 * @param grid evaluation points, shape (g,), finite
 * @param options `bandwidth` $h > 0$, finite (default `silvermanBandwidth(xs)`); so small a
 *   bandwidth that $1/(nh\sqrt{2\pi})$ overflows (h below about 1e-308/n) is a RangeError
 * @returns densities, shape (g,)
 * @see Silverman (1986), eq. (2.2a) with the Gaussian kernel.
 */
export function gaussianKde(
  xs: ArrayLike<number>,
  grid: ArrayLike<number>,
  options: { bandwidth?: number } = {},
): Float64Array {
  const fn = "gaussianKde";
  requireSample(fn, "xs", xs, 2);
  requireSample(fn, "grid", grid, 1);
  const opts = requireOptions(fn, options);
  const h =
    opts.bandwidth === undefined
      ? silvermanBandwidth(xs)
      : requirePositive(fn, "options.bandwidth", opts.bandwidth);
  const n = xs.length;
  const out = new Float64Array(grid.length);
  const c = 1 / (n * h * sqrt(2 * PI));
  if (!Number.isFinite(c)) {
    throw new RangeError(
      `${fn}: options.bandwidth must be large enough that 1/(n·h·√(2π)) is finite, got ${h}`,
    );
  }
  const inv = 1 / h;
  for (let g = 0; g < grid.length; g++) {
    const x = grid[g];
    let s = 0;
    for (let i = 0; i < n; i++) {
      const u = (x - xs[i]) * inv;
      s += exp(-0.5 * u * u);
    }
    out[g] = c * s;
  }
  return out;
}
