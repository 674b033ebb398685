/**
 * Reference solutions of lecture 06's labs (not in the notebook: the student's copy stays
 * unsolved). `npx itolab-run --solutions` puts each function in place of its stub, by name.
 * Each function is self-contained: it uses only what the notebook imports.
 */

/** Lab 06-gaussian-kl: ½ Σ_i [v₀/v₁ + (μ₁ − μ₀)²/v₁ − 1 + log(v₁/v₀)]. */
export function diagonalGaussianKl(
  mean0: Float64Array,
  var0: Float64Array,
  mean1: Float64Array,
  var1: Float64Array,
): number {
  let sum = 0;
  for (let i = 0; i < mean0.length; i++) {
    const ratio = var0[i] / var1[i];
    sum += ratio + (mean1[i] - mean0[i]) ** 2 / var1[i] - 1 - Math.log(ratio);
  }
  return 0.5 * sum;
}

/**
 * Lab 06-ddpm-posterior: x0Coef = √ᾱ_{t−1} β_t/(1 − ᾱ_t), xtCoef = √(1 − β_t)(1 − ᾱ_{t−1})/(1 − ᾱ_t),
 * variance β̃_t = β_t(1 − ᾱ_{t−1})/(1 − ᾱ_t), with ᾱ_t = Π_{s ≤ t}(1 − β_s).
 */
export function ddpmPosteriorCoefficients(
  beta: Float64Array,
  t: number,
): { x0Coef: number; xtCoef: number; variance: number } {
  let barPrev = 1; // ᾱ_{t−1}
  for (let s = 1; s < t; s++) barPrev *= 1 - beta[s];
  const bar = barPrev * (1 - beta[t]); // ᾱ_t
  return {
    x0Coef: (Math.sqrt(barPrev) * beta[t]) / (1 - bar),
    xtCoef: (Math.sqrt(1 - beta[t]) * (1 - barPrev)) / (1 - bar),
    variance: (beta[t] * (1 - barPrev)) / (1 - bar),
  };
}

/**
 * Lab 06-denoising-term: KL(N(μ̃_t(x_t, x_0), β̃_t) ‖ N(μ̃_t(x_t, x̂_0), v)), μ̃_t and β̃_t of
 * q(x_{t−1} | x_t, x_0).
 */
export function denoisingMatchingKl(
  beta: Float64Array,
  t: number,
  x0: number,
  xt: number,
  x0Hat: number,
  v: number,
): number {
  let barPrev = 1; // ᾱ_{t−1}
  for (let s = 1; s < t; s++) barPrev *= 1 - beta[s];
  const bar = barPrev * (1 - beta[t]); // ᾱ_t
  const a = (Math.sqrt(barPrev) * beta[t]) / (1 - bar); // μ̃_t's x_0 coefficient
  const b = (Math.sqrt(1 - beta[t]) * (1 - barPrev)) / (1 - bar); // its x_t coefficient
  const betaTilde = (beta[t] * (1 - barPrev)) / (1 - bar);
  const mean = a * x0 + b * xt;
  const meanHat = a * x0Hat + b * xt;
  const ratio = betaTilde / v;
  return 0.5 * (ratio - 1 - Math.log(ratio) + (mean - meanHat) ** 2 / v);
}
