/** Random inputs the graders draw for their cases (from the rng each lab seeds from its id). */
import type { Rng } from "../rng";

/**
 * A grid $t_0 = \text{start} < t_1 < \dots < t_K = \text{start} + \text{horizon}$ with random,
 * uneven steps (each between 1/6 and 1 of the others' scale), its last time exact.
 */
export function randomGrid(rng: Rng, k: number, horizon: number, start = 0): Float64Array {
  const steps = Array.from({ length: k }, () => 0.2 + rng.uniform());
  const total = steps.reduce((a, b) => a + b, 0);
  const times = new Float64Array(k + 1);
  times[0] = start;
  for (let i = 0; i < k; i++) times[i + 1] = times[i] + (horizon * steps[i]) / total;
  times[k] = start + horizon;
  return times;
}

/** k independent draws of N(0, sd²). */
export function normals(rng: Rng, k: number, sd = 1): Float64Array {
  return Float64Array.from({ length: k }, () => sd * rng.normal());
}
