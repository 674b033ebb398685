/**
 * Reference solutions of lecture 07's labs (not in the notebook: the student's copy stays
 * unsolved). `npx itolab-run --solutions` puts each function in place of its stub, by name.
 * Each function is self-contained: it uses only what the notebook imports.
 */

/** Lab 07-dsm-target: ∇_{x_t} log p(x_t | x_0) = −(x_t − α_t x_0)/σ_t². */
export function dsmTarget(
  x0: Float64Array,
  xt: Float64Array,
  alpha: number,
  sigma: number,
): Float64Array {
  return xt.map((x, i) => -(x - alpha * x0[i]) / (sigma * sigma));
}

/** Lab 07-sliced-score: (1/n) Σ_r [v_rᵀ A v_r + ½ (v_rᵀ (A x_r + b))²]. */
export function slicedLoss(
  A: Float64Array,
  b: Float64Array,
  x: Float64Array,
  v: Float64Array,
): number {
  const d = b.length;
  const n = x.length / d;
  let total = 0;
  for (let r = 0; r < n; r++) {
    let vJv = 0; // vᵀ ∇s v, ∇s = A
    let vs = 0; // vᵀ s(x)
    for (let i = 0; i < d; i++) {
      let s = b[i];
      let Av = 0;
      for (let j = 0; j < d; j++) {
        s += A[i * d + j] * x[r * d + j];
        Av += A[i * d + j] * v[r * d + j];
      }
      vJv += v[r * d + i] * Av;
      vs += v[r * d + i] * s;
    }
    total += vJv + 0.5 * vs * vs;
  }
  return total / n;
}

/** Lab 07-dsm-loss: (1/n) Σ_r ½ λ(t_r) ‖s(t_r, α x_0 + σ ε) + ε/σ‖². */
export function dsmLoss(
  score: (t: number, x: Float64Array) => Float64Array,
  t: Float64Array,
  x0: Float64Array,
  eps: Float64Array,
  alpha: (t: number) => number,
  sigma: (t: number) => number,
  lambda: (t: number) => number,
): number {
  const n = t.length;
  const d = x0.length / n;
  let total = 0;
  for (let r = 0; r < n; r++) {
    const [a, s] = [alpha(t[r]), sigma(t[r])];
    const e = eps.subarray(r * d, (r + 1) * d);
    const xt = x0.subarray(r * d, (r + 1) * d).map((x, i) => a * x + s * e[i]);
    const st = score(t[r], xt);
    let sq = 0;
    for (let i = 0; i < d; i++) sq += (st[i] + e[i] / s) ** 2; // target −ε/σ
    total += 0.5 * lambda(t[r]) * sq;
  }
  return total / n;
}
