/**
 * Reference solutions of lecture 13's labs (not in the notebook: the student's copy stays
 * unsolved). `npx itolab-run --solutions` puts each function in place of its stub, by name.
 * Each function is self-contained: it uses only what the notebook imports.
 */

/** Lab 13-point-set-score: (α Σ_j w_j y_j − x)/σ², w = softmax_j(−‖x − αy_j‖²/2σ²). */
export function finiteSetScore(
  points: Float64Array,
  dim: number,
  x: Float64Array,
  alpha: number,
  sigma: number,
): Float64Array {
  const m = points.length / dim;
  const n = x.length / dim;
  const s2 = sigma * sigma;
  const out = new Float64Array(x.length);
  const logw = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let j = 0; j < m; j++) {
      let r2 = 0;
      for (let k = 0; k < dim; k++) r2 += (x[i * dim + k] - alpha * points[j * dim + k]) ** 2;
      logw[j] = -r2 / (2 * s2);
      max = Math.max(max, logw[j]);
    }
    let total = 0;
    const mean = new Float64Array(dim);
    for (let j = 0; j < m; j++) {
      const w = Math.exp(logw[j] - max);
      total += w;
      for (let k = 0; k < dim; k++) mean[k] += w * points[j * dim + k];
    }
    for (let k = 0; k < dim; k++) {
      out[i * dim + k] = ((alpha * mean[k]) / total - x[i * dim + k]) / s2;
    }
  }
  return out;
}

/** Lab 13-circle-score: (α m_N(κ) x/‖x‖ − x)/σ², κ = α‖x‖/σ², m_N by the N-node trapezoid rule. */
export function circleTrapezoidScore(
  x: Float64Array,
  alpha: number,
  sigma: number,
  nodes: number,
): Float64Array {
  const s2 = sigma * sigma;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length / 2; i++) {
    const [x1, x2] = [x[2 * i], x[2 * i + 1]];
    const rho = Math.hypot(x1, x2);
    let pull = 0; // α m(κ)/‖x‖; the score at x = 0 is 0
    if (rho > 0) {
      const kappa = (alpha * rho) / s2;
      let [z, c] = [0, 0];
      for (let j = 0; j < nodes; j++) {
        const cosPsi = Math.cos((2 * Math.PI * j) / nodes);
        const w = Math.exp(kappa * (cosPsi - 1)); // e^{κ cos ψ} / e^κ: no overflow
        z += w;
        c += cosPsi * w;
      }
      pull = (alpha * (c / z)) / rho;
    }
    out[2 * i] = (pull * x1 - x1) / s2;
    out[2 * i + 1] = (pull * x2 - x2) / s2;
  }
  return out;
}

/** Lab 13-pca-projection: G(E(x)) = μ + VVᵀ(x − μ), V (k, D) row-major. */
export function pcaRoundTrip(
  x: Float64Array,
  mean: Float64Array,
  components: Float64Array,
  dim: number,
): Float64Array {
  const k = components.length / dim;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length / dim; i++) {
    for (let p = 0; p < dim; p++) out[i * dim + p] = mean[p];
    for (let r = 0; r < k; r++) {
      let z = 0; // the latent coordinate ⟨v_r, x − μ⟩
      for (let p = 0; p < dim; p++) z += components[r * dim + p] * (x[i * dim + p] - mean[p]);
      for (let p = 0; p < dim; p++) out[i * dim + p] += components[r * dim + p] * z;
    }
  }
  return out;
}
