/**
 * Reference solutions of lecture 11's labs (not in the notebook: the student's copy stays
 * unsolved). `npx itolab-run --solutions` puts each function in place of its stub, by name.
 * Each function is self-contained: it uses only what the notebook imports.
 */

/**
 * Lab 11-ddim-step: x̂₀ = (x − σ_t ε̂)/α_t, v = η²σ_s²(1 − σ(s)²/σ(t)²),
 * x_s = α_s x̂₀ + √(σ_s² − v) ε̂ + √v z.
 */
export function ddimStep(
  x: Float64Array,
  epsHat: Float64Array,
  alphaT: number,
  sigmaT: number,
  alphaS: number,
  sigmaS: number,
  eta: number,
  z: Float64Array,
): Float64Array {
  const ratio = sigmaS / alphaS / (sigmaT / alphaT); // σ(s)/σ(t)
  const v = eta * eta * sigmaS * sigmaS * (1 - ratio * ratio);
  const direction = Math.sqrt(sigmaS * sigmaS - v);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const x0 = (x[i] - sigmaT * epsHat[i]) / alphaT;
    out[i] = alphaS * x0 + direction * epsHat[i] + Math.sqrt(v) * z[i];
  }
  return out;
}

/** Lab 11-karras-levels: σ_i = (σ_max^{1/ρ} + i/(N − 1)(σ_min^{1/ρ} − σ_max^{1/ρ}))^ρ. */
export function karrasLevels(
  n: number,
  sigmaMin: number,
  sigmaMax: number,
  rho: number,
): Float64Array {
  const a = sigmaMax ** (1 / rho);
  const b = sigmaMin ** (1 / rho);
  const levels = new Float64Array(n);
  for (let i = 0; i < n; i++) levels[i] = (a + (i / (n - 1)) * (b - a)) ** rho;
  return levels;
}

/**
 * Lab 11-dpm-solver-2-step: h = λ_s − λ_t, r = t_λ(λ_t + h/2),
 * u = (α_r/α_t)x − σ_r(e^{h/2} − 1)ε̂(x, t), x_s = (α_s/α_t)x − σ_s(e^h − 1)ε̂(u, r).
 */
export function dpmSolver2Step(
  x: Float64Array,
  t: number,
  s: number,
  schedule: {
    alpha: (t: number) => number;
    sigma: (t: number) => number;
    timeAt: (lambda: number) => number;
  },
  epsHat: (x: Float64Array, t: number) => Float64Array,
): Float64Array {
  const { alpha, sigma, timeAt } = schedule;
  const lambda = (u: number) => Math.log(alpha(u) / sigma(u));
  const h = lambda(s) - lambda(t);
  const r = timeAt(lambda(t) + h / 2);
  const e0 = epsHat(x, t);
  const u = x.map((xi, i) => (alpha(r) / alpha(t)) * xi - sigma(r) * Math.expm1(h / 2) * e0[i]);
  const e1 = epsHat(u, r);
  return x.map((xi, i) => (alpha(s) / alpha(t)) * xi - sigma(s) * Math.expm1(h) * e1[i]);
}
