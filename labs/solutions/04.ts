/**
 * Reference solutions of lecture 04's labs (not in the notebook: the student's copy stays
 * unsolved). `npx itolab-run --solutions` puts each function in place of its stub, by name.
 * Each function is self-contained: it uses only what the notebook imports.
 */

/** Lab 04-reverse-sde-step: x − h[f(t, x) − g(t)² ∇log p_t(x)] + g(t)√h ξ. */
export function reverseSdeStep(
  f: (t: number, x: number) => number,
  g: (t: number) => number,
  score: (t: number, x: number) => number,
  t: number,
  h: number,
  x: Float64Array,
  xi: Float64Array,
): Float64Array {
  const gt = g(t);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const drift = f(t, x[i]) - gt * gt * score(t, x[i]); // the reverse drift, read with dt = −h
    out[i] = x[i] - h * drift + gt * Math.sqrt(h) * xi[i];
  }
  return out;
}

/** Lab 04-flow-velocity: F = f − ½∂ₓ(g²) − ½g²∂ₓlog p_t = f − g∂ₓg − ½g²∂ₓlog p_t. */
export function flowVelocity(
  f: (t: number, x: number) => number,
  g: (t: number, x: number) => number,
  dg: (t: number, x: number) => number,
  score: (t: number, x: number) => number,
  t: number,
  x: Float64Array,
): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const gi = g(t, x[i]);
    out[i] = f(t, x[i]) - gi * dg(t, x[i]) - 0.5 * gi * gi * score(t, x[i]);
  }
  return out;
}

/**
 * Lab 04-ou-mixture-score: −Σ_k r_k(x)(x − α_tμ_k)/c_k, c_k = α_t²v_k + σ_t², r_k by log-sum-exp.
 */
export function ouMixtureScore(
  theta: number,
  sigma: number,
  t: number,
  mixture: { weights: Float64Array; means: Float64Array; variances: Float64Array },
  x: Float64Array,
): Float64Array {
  const alpha = Math.exp(-theta * t);
  const noise = (sigma * sigma * (1 - Math.exp(-2 * theta * t))) / (2 * theta); // σ_t²
  const K = mixture.weights.length;
  const c = mixture.variances.map((v) => alpha * alpha * v + noise);
  const out = new Float64Array(x.length);
  const logw = new Float64Array(K);
  for (let i = 0; i < x.length; i++) {
    let max = -Infinity;
    for (let k = 0; k < K; k++) {
      const d = x[i] - alpha * mixture.means[k];
      logw[k] = Math.log(mixture.weights[k]) - 0.5 * Math.log(c[k]) - (d * d) / (2 * c[k]);
      max = Math.max(max, logw[k]);
    }
    let total = 0;
    let sum = 0;
    for (let k = 0; k < K; k++) {
      const r = Math.exp(logw[k] - max);
      total += r;
      sum += (r * (x[i] - alpha * mixture.means[k])) / c[k];
    }
    out[i] = -sum / total;
  }
  return out;
}
