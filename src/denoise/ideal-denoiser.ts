import { requireInteger, requirePoints, requirePositive } from "../base";
import { finiteResult } from "./tweedie";

/**
 * The ideal denoiser of a finite data set $\{y_i\}_{i=1}^m$ (the empirical prior):
 * $\mathbb E[x_0\mid x] = \sum_i w_i(x)\,y_i$, $w = \operatorname{softmax}_i\big(-\|x - \alpha y_i\|^2/2\sigma^2\big)$
 * for $x = \alpha x_0 + \sigma\varepsilon$ (log-sum-exp stable; where every weight underflows, the limit
 * $\sigma \to 0$: the mean of the $y_i$ whose $\alpha y_i$ is nearest to x).
 * @param data (m, d) row-major data set, finite, m ≥ 1
 * @param x (n, d) row-major noisy points, finite, n ≥ 1
 * @param dim d, a positive integer
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
  const [m, n] = checkArgs("idealDenoiser", data, x, dim, scale, std);
  return posteriorMean(data, x, dim, scale, std, m, n);
}

/**
 * $\nabla\log p(x) = (\alpha\,\mathbb E[x_0\mid x] - x)/\sigma^2$ for $p = \tfrac1m\sum_i\mathcal N(\alpha y_i, \sigma^2 I)$:
 * Tweedie read backwards. With $\alpha = 1$ and $\sigma = h$ it is the score of a Gaussian KDE
 * of bandwidth h. A score beyond double precision (σ² underflowing, σ below about 1e-154) is a
 * RangeError.
 * @param data (m, d) row-major data set, finite, m ≥ 1
 * @param x (n, d) row-major points, finite, n ≥ 1
 * @param dim d, a positive integer
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
  const [m, n] = checkArgs("empiricalScore", data, x, dim, scale, std);
  const mean = posteriorMean(data, x, dim, scale, std, m, n);
  return finiteResult(
    "empiricalScore",
    mean.map((v, i) => (scale * v - x[i]) / (std * std)),
  );
}

/** Validates the arguments of idealDenoiser and empiricalScore; returns [m, n]. */
function checkArgs(
  fn: string,
  data: unknown,
  x: unknown,
  dim: unknown,
  scale: unknown,
  std: unknown,
): [number, number] {
  const d = requireInteger(fn, "dim", dim, 1);
  const m = requirePoints(fn, "data", data, d);
  const n = requirePoints(fn, "x", x, d);
  requirePositive(fn, "scale", scale);
  requirePositive(fn, "std", std);
  return [m, n];
}

/** E[x0 | x] for validated arguments: (n, d). */
function posteriorMean(
  data: Float64Array,
  x: Float64Array,
  dim: number,
  a: number,
  s: number,
  m: number,
  n: number,
): Float64Array {
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
    if (!(max > -Infinity)) {
      nearestMean(data, x, dim, a, m, r, out); // every weight underflowed: the σ → 0 limit
      continue;
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

/** Row r of out = the mean of the data points y_i with the smallest ‖x_r − α y_i‖². */
function nearestMean(
  data: Float64Array,
  x: Float64Array,
  dim: number,
  a: number,
  m: number,
  r: number,
  out: Float64Array,
): void {
  let best = Infinity;
  let count = 0;
  for (let i = 0; i < m; i++) {
    let q = 0;
    for (let j = 0; j < dim; j++) q += (x[r * dim + j] - a * data[i * dim + j]) ** 2;
    if (q < best || count === 0) {
      best = q;
      count = 0;
      out.fill(0, r * dim, (r + 1) * dim);
    }
    if (q === best) {
      count++;
      for (let j = 0; j < dim; j++) out[r * dim + j] += data[i * dim + j];
    }
  }
  for (let j = 0; j < dim; j++) out[r * dim + j] /= count;
}
