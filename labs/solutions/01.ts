/**
 * Reference solutions of lecture 01's labs (not in the notebook: the student's copy stays
 * unsolved). `npx itolab-run --solutions` puts each function in place of its stub, by name.
 * Each function is self-contained: it uses only what the notebook imports.
 */

/** Lab 01-left-point-sum: I_n = Σ_k f(t_k, W_{t_k}) (W_{t_{k+1}} − W_{t_k}). */
export function leftPointSum(
  times: Float64Array,
  w: Float64Array,
  f: (t: number, w: number) => number,
): number {
  let sum = 0;
  for (let k = 0; k + 1 < times.length; k++) sum += f(times[k], w[k]) * (w[k + 1] - w[k]);
  return sum;
}

/** Lab 01-ito-isometry: E(Σ_k f(t_k) ΔW_k)² = Σ_k f(t_k)² (t_{k+1} − t_k). */
export function isometrySecondMoment(times: Float64Array, f: (t: number) => number): number {
  let sum = 0;
  for (let k = 0; k + 1 < times.length; k++) sum += f(times[k]) ** 2 * (times[k + 1] - times[k]);
  return sum;
}

/** Lab 01-ito-coefficients: drift H_t + f H_x + ½ g² H_xx, diffusion g H_x. */
export function itoCoefficients(
  f: number,
  g: number,
  dH: { t: number; x: number; xx: number },
): { drift: number; diffusion: number } {
  return { drift: dH.t + f * dH.x + 0.5 * g * g * dH.xx, diffusion: g * dH.x };
}
