/**
 * Reference solutions of lecture 00's labs (not in the notebook: the student's copy stays
 * unsolved). `npx itolab-run --solutions` puts each function in place of its stub, by name.
 * Each function is self-contained: it uses only what the notebook imports.
 */

/** Lab 00-brownian-path: W_{t_0} = 0, W_{t_{k+1}} = W_{t_k} + √(t_{k+1} − t_k) ξ_k. */
export function brownianPath(times: Float64Array, xi: Float64Array): Float64Array {
  const w = new Float64Array(times.length);
  for (let k = 0; k + 1 < times.length; k++) {
    w[k + 1] = w[k] + Math.sqrt(times[k + 1] - times[k]) * xi[k];
  }
  return w;
}

/** Lab 00-quadratic-variation: Q = Σ_k (W_{t_{k+1}} − W_{t_k})². */
export function pathQuadraticVariation(w: Float64Array): number {
  let q = 0;
  for (let k = 0; k + 1 < w.length; k++) q += (w[k + 1] - w[k]) ** 2;
  return q;
}

/** Lab 00-covariance-se: √((min(s, t)² + s t)/N), by Isserlis' theorem. */
export function covarianceStandardError(s: number, t: number, n: number): number {
  const m = Math.min(s, t);
  return Math.sqrt((m * m + s * t) / n);
}
