/**
 * Reference solutions of lecture 10's labs (not in the notebook: the student's copy stays
 * unsolved). `npx itolab-run --solutions` puts each function in place of its stub, by name.
 * Each function is self-contained: it uses only what the notebook imports.
 */

/**
 * Lab 10-marginal-velocity: u_t(x) = Σ_k r_k(x)(α̇μ_k + (α̇α s_k² + σσ̇)(x − αμ_k)/C_k),
 * C_k = α²s_k² + σ², r_k ∝ w_k N(x; αμ_k, C_k) (log-sum-exp).
 */
export function marginalVelocity(
  x: Float64Array,
  data: { weights: number[]; means: number[]; variances: number[] },
  path: { alpha: number; sigma: number; alphaRate: number; sigmaRate: number },
): Float64Array {
  const { alpha, sigma, alphaRate, sigmaRate } = path;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const logs: number[] = [];
    const velocities: number[] = [];
    for (let k = 0; k < data.weights.length; k++) {
      const s2 = data.variances[k];
      const c = alpha * alpha * s2 + sigma * sigma;
      const residual = x[i] - alpha * data.means[k];
      logs.push(Math.log(data.weights[k]) - 0.5 * Math.log(c) - (residual * residual) / (2 * c));
      const gain = (alphaRate * alpha * s2 + sigma * sigmaRate) / c;
      velocities.push(alphaRate * data.means[k] + gain * residual);
    }
    const top = Math.max(...logs);
    let total = 0;
    let sum = 0;
    for (let k = 0; k < logs.length; k++) {
      const r = Math.exp(logs[k] - top);
      total += r;
      sum += r * velocities[k];
    }
    out[i] = sum / total;
  }
  return out;
}

/**
 * Lab 10-ot-path-target: in the course's time (data at t = 0), x_t = (1 − t)x₀ + σ_t ε with
 * σ_t = σ_min + (1 − σ_min)t, and the conditional velocity −x₀ + (1 − σ_min)ε.
 */
export function otPathTarget(
  x0: Float64Array,
  eps: Float64Array,
  t: number,
  sigmaMin: number,
): { xt: Float64Array; velocity: Float64Array } {
  const sigma = sigmaMin + (1 - sigmaMin) * t;
  const xt = new Float64Array(x0.length);
  const velocity = new Float64Array(x0.length);
  for (let i = 0; i < x0.length; i++) {
    xt[i] = (1 - t) * x0[i] + sigma * eps[i];
    velocity[i] = -x0[i] + (1 - sigmaMin) * eps[i];
  }
  return { xt, velocity };
}

/** Lab 10-score-of-velocity: ε = (αu − α̇x)/Δ, Δ = ασ̇ − σα̇, score −ε/σ. */
export function scoreOfVelocity(
  u: Float64Array,
  x: Float64Array,
  path: { alpha: number; sigma: number; alphaRate: number; sigmaRate: number },
): Float64Array {
  const { alpha, sigma, alphaRate, sigmaRate } = path;
  const det = alpha * sigmaRate - sigma * alphaRate;
  return u.map((ui, i) => -(alpha * ui - alphaRate * x[i]) / (det * sigma));
}
