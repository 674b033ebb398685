import type { ScoreModel } from "../nn";
import { checkBatch, checkModel, checkOptions, Scratch } from "./validate";

const scratch = new Scratch();

/**
 * $L(\theta) = \frac1n\sum_r \big[\tfrac12\lVert s_\theta(t_r, x_r)\rVert^2 + \operatorname{tr}\nabla_x s_\theta(t_r, x_r)\big]$,
 * Hyvärinen's implicit objective: equal to the explicit one up to a constant in θ, without the
 * true score. The trace is exact, $\sum_i e_i^\top J e_i$ from d Jacobian-vector products, so
 * the cost is d forward-and-backward passes: meant for low dimension. Adds the gradient to
 * model.grad and returns L.
 * @param model score model, dimension d, finite parameters
 * @param t (n) times @param x (n, d) row-major samples of the data (finite, exactly n rows)
 * @param n rows, a positive integer
 * @param options perRow (n) per-row values
 * @see Hyvärinen (2005), JMLR 6, Theorem 1, eq. (3)–(4)
 */
export function implicitScoreMatching(
  model: ScoreModel,
  t: Float64Array,
  x: Float64Array,
  n: number,
  options: { perRow?: Float64Array } = {},
): number {
  const fn = "implicitScoreMatching";
  const d = checkModel(fn, model, ["evaluateTangent", "backwardTangent"]);
  checkBatch(fn, n, [
    ["t", t, 1],
    ["x", x, d],
  ]);
  const o = checkOptions(fn, options, n);
  const v = scratch.get(0, n * d).subarray(0, n * d);
  const gS = scratch.get(1, n * d).subarray(0, n * d);
  const gT = scratch.get(2, n * d).subarray(0, n * d);
  const rows = scratch.get(3, n).subarray(0, n);
  rows.fill(0);
  for (let i = 0; i < d; i++) {
    v.fill(0);
    gT.fill(0);
    for (let r = 0; r < n; r++) {
      v[r * d + i] = 1;
      gT[r * d + i] = 1 / n;
    }
    const { score, tangent } = model.evaluateTangent(t, x, v, n);
    for (let r = 0; r < n; r++) {
      rows[r] += tangent[r * d + i];
      if (i === 0) {
        let sq = 0;
        for (let j = 0; j < d; j++) sq += score[r * d + j] ** 2;
        rows[r] += 0.5 * sq;
      }
    }
    if (i === 0) for (let k = 0; k < n * d; k++) gS[k] = score[k] / n;
    else gS.fill(0);
    model.backwardTangent(gS, gT, n);
  }
  let total = 0;
  for (let r = 0; r < n; r++) total += rows[r];
  if (o.perRow) o.perRow.set(rows);
  return total / n;
}
