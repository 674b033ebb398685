import { describeValue, requireFinite, requirePoints } from "../base";

/**
 * The ideal denoiser of a finite data set $\{y_i\}_{i=1}^m$ (the empirical prior):
 * $\mathbb E[x_0\mid x] = \sum_i w_i(x)\,y_i$, $w = \operatorname{softmax}_i\big(-\|x - \alpha y_i\|^2/2\sigma^2\big)$
 * for $x = \alpha x_0 + \sigma\varepsilon$ (log-sum-exp stable).
 * @param data (m, d) row-major data set
 * @param x (n, d) row-major noisy points
 * @param dim d
 * @param scale $\alpha > 0$
 * @param std $\sigma > 0$
 * @returns (n, d) posterior means
 * @see Karras et al. (2022), NeurIPS, eq. (57) (ideal denoiser); Efron (2011), JASA, §2
 */
export function idealDenoiser(
  data: Float64Array,
  x: Float64Array,
  dim: number,
  scale: number,
  std: number,
): Float64Array {
  const fn = "idealDenoiser";
  if (!Number.isInteger(dim) || dim < 1) {
    throw new RangeError(`${fn}: dim must be a positive integer, got ${describeValue(dim)}`);
  }
  const m = requirePoints(fn, "data", data, dim);
  const n = requirePoints(fn, "x", x, dim);
  const a = requireFinite(fn, "scale", scale, "a finite number > 0", (v) => v > 0);
  const s = requireFinite(fn, "std", std, "a finite number > 0", (v) => v > 0);
  const out = new Float64Array(n * dim); // (n, d)
  const logw = new Float64Array(m); // (m) scratch
  for (let r = 0; r < n; r++) {
    let max = -Infinity;
    for (let i = 0; i < m; i++) {
      let q = 0;
      for (let j = 0; j < dim; j++) q += (x[r * dim + j] - a * data[i * dim + j]) ** 2;
      logw[i] = -q / (2 * s * s);
      if (logw[i] > max) max = logw[i];
    }
    let total = 0;
    for (let i = 0; i < m; i++) {
      const w = Math.exp(logw[i] - max);
      total += w;
      for (let j = 0; j < dim; j++) out[r * dim + j] += w * data[i * dim + j];
    }
    for (let j = 0; j < dim; j++) out[r * dim + j] /= total;
  }
  return out;
}

/**
 * $\nabla\log p(x) = (\alpha\,\mathbb E[x_0\mid x] - x)/\sigma^2$ for $p = \tfrac1m\sum_i\mathcal N(\alpha y_i, \sigma^2 I)$:
 * Tweedie read backwards. With $\alpha = 1$ and $\sigma = h$ it is the score of a Gaussian KDE
 * of bandwidth h.
 * @param data (m, d) row-major data set
 * @param x (n, d) row-major points
 * @param dim d
 * @param scale $\alpha > 0$
 * @param std $\sigma > 0$
 * @returns (n, d) scores
 * @see Vincent (2011), Neural Computation 23(7), §4; Efron (2011), JASA, eq. (2.8)
 */
export function empiricalScore(
  data: Float64Array,
  x: Float64Array,
  dim: number,
  scale: number,
  std: number,
): Float64Array {
  const mean = idealDenoiser(data, x, dim, scale, std);
  return mean.map((v, i) => (scale * v - x[i]) / (std * std));
}
