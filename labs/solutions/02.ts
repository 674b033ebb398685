/**
 * Reference solutions of lecture 02's labs (not in the notebook: the student's copy stays
 * unsolved). `npx itolab-run --solutions` puts each function in place of its stub, by name.
 * Each function is self-contained: it uses only what the notebook imports.
 */

/** Lab 02-euler-maruyama-path: X_{k+1} = X_k + f(t_k, X_k) h_k + g(t_k, X_k) √h_k ξ_k. */
export function emPath(
  times: Float64Array,
  x0: number,
  xi: Float64Array,
  f: (t: number, x: number) => number,
  g: (t: number, x: number) => number,
): Float64Array {
  const x = new Float64Array(times.length);
  x[0] = x0;
  for (let k = 0; k + 1 < times.length; k++) {
    const h = times[k + 1] - times[k];
    const dW = Math.sqrt(h) * xi[k]; // ΔW_k ~ N(0, h_k)
    x[k + 1] = x[k] + f(times[k], x[k]) * h + g(times[k], x[k]) * dW;
  }
  return x;
}

/** Lab 02-milstein-step: X + f h + g ΔW + ½ g g' (ΔW² − h), all at (t, X). */
export function milsteinStep(
  t: number,
  x: number,
  h: number,
  dW: number,
  f: (t: number, x: number) => number,
  g: (t: number, x: number) => number,
  dg: (t: number, x: number) => number,
): number {
  const gx = g(t, x);
  return x + f(t, x) * h + gx * dW + 0.5 * gx * dg(t, x) * (dW * dW - h);
}

/** Lab 02-chain-marginal: x_k ~ N(√ᾱ_k x0, 1 − ᾱ_k), ᾱ_k = Π_{j<k}(1 − β_j). */
export function chainMarginal(
  x0: number,
  betas: Float64Array,
  k: number,
): { mean: number; variance: number } {
  let alphaBar = 1;
  for (let j = 0; j < k; j++) alphaBar *= 1 - betas[j];
  return { mean: Math.sqrt(alphaBar) * x0, variance: 1 - alphaBar };
}
