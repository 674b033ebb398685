/**
 * Reference solutions of lecture 12's labs (not in the notebook: the student's copy stays
 * unsolved). `npx itolab-run --solutions` puts each function in place of its stub, by name.
 * Each function is self-contained: it uses only what the notebook imports.
 */

/**
 * Lab 12-picard-step: X^{(k+1)}_{t_j} = x₀ + Σ_{i<j} b(t_i, X^{(k)}_{t_i}) h_i +
 * σ(t_i, X^{(k)}_{t_i}) ΔW_i, x₀ = prev[0].
 */
export function picardStep(
  times: Float64Array,
  dw: Float64Array,
  prev: Float64Array,
  b: (t: number, x: number) => number,
  sigma: (t: number, x: number) => number,
): Float64Array {
  const next = new Float64Array(prev.length);
  next[0] = prev[0];
  for (let i = 0; i + 1 < prev.length; i++) {
    const h = times[i + 1] - times[i];
    next[i + 1] = next[i] + b(times[i], prev[i]) * h + sigma(times[i], prev[i]) * dw[i];
  }
  return next;
}

/** Lab 12-girsanov-log-ratio: Σ (b_P − b_Q)/g² ΔX_k − ½ Σ (b_P² − b_Q²)/g² h_k, left points. */
export function girsanovLogRatio(
  times: Float64Array,
  x: Float64Array,
  bP: (t: number, x: number) => number,
  bQ: (t: number, x: number) => number,
  g: number,
): number {
  let logRatio = 0;
  for (let k = 0; k + 1 < x.length; k++) {
    const h = times[k + 1] - times[k];
    const [p, q] = [bP(times[k], x[k]), bQ(times[k], x[k])];
    logRatio += ((p - q) * (x[k + 1] - x[k]) - 0.5 * (p * p - q * q) * h) / (g * g);
  }
  return logRatio;
}

/**
 * Lab 12-ou-path-kl: (θ_P − θ_Q)²/(2g²) ∫_0^T E_P X_t² dt with
 * E_P X_t² = x₀² e^{−2θt} + g²(1 − e^{−2θt})/(2θ), θ = θ_P (x₀² + g²t at θ = 0).
 */
export function ouPathKl(thetaP: number, thetaQ: number, g: number, x0: number, T: number): number {
  let integral: number;
  if (thetaP === 0) {
    integral = x0 * x0 * T + (g * g * T * T) / 2;
  } else {
    const decay = (1 - Math.exp(-2 * thetaP * T)) / (2 * thetaP); // ∫_0^T e^{−2θt} dt
    integral = x0 * x0 * decay + (g * g * (T - decay)) / (2 * thetaP);
  }
  return ((thetaP - thetaQ) ** 2 / (2 * g * g)) * integral;
}
