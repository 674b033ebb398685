/**
 * Reference solutions of lecture 05's labs (not in the notebook: the student's copy stays
 * unsolved). `npx itolab-run --solutions` puts each function in place of its stub, by name.
 * Each function is self-contained: it uses only what the notebook imports.
 */

/** Lab 05-tweedie-mean: E[x_0 | x] = (x + σ²∇log p(x))/α. */
export function tweediePosteriorMean(
  x: Float64Array,
  score: Float64Array,
  alpha: number,
  sigma: number,
): Float64Array {
  return x.map((xi, i) => (xi + sigma * sigma * score[i]) / alpha);
}

/** Lab 05-ideal-denoiser: Σ_i softmax_i(−(x − αy_i)²/2σ²) y_i, by log-sum-exp. */
export function softmaxDenoiser(
  data: Float64Array,
  x: Float64Array,
  alpha: number,
  sigma: number,
): Float64Array {
  const out = new Float64Array(x.length);
  const logw = new Float64Array(data.length);
  for (let r = 0; r < x.length; r++) {
    let max = -Infinity;
    for (let i = 0; i < data.length; i++) {
      logw[i] = -((x[r] - alpha * data[i]) ** 2) / (2 * sigma * sigma);
      max = Math.max(max, logw[i]);
    }
    let total = 0;
    let sum = 0;
    for (let i = 0; i < data.length; i++) {
      const w = Math.exp(logw[i] - max);
      total += w;
      sum += w * data[i];
    }
    out[r] = sum / total;
  }
  return out;
}

/** Lab 05-tweedie-variance: Var[x_0 | x] = σ²(1 + σ²∂²log p(x))/α². */
export function tweediePosteriorVariance(
  hessian: Float64Array,
  alpha: number,
  sigma: number,
): Float64Array {
  const s2 = sigma * sigma;
  return hessian.map((h) => (s2 * (1 + s2 * h)) / (alpha * alpha));
}
