import type { ScoreModel } from "../nn";
import { requireBoolean, requireOption } from "../base";
import { checkBatch, checkModel, checkOptions, Scratch } from "./validate";

const scratch = new Scratch();

/**
 * $L(\theta) = \frac1n\sum_r \big[v_r^\top\nabla_x s_\theta(t_r, x_r)\,v_r + \tfrac12(v_r^\top s_\theta)^2\big]$
 * (or $\tfrac12\lVert s_\theta\rVert^2$ for the second term with `varianceReduced`, valid for
 * $v \sim N(0, I)$): sliced score matching, one random projection per row, one
 * Jacobian-vector product whatever d. Same minimiser as the implicit objective. Projections are
 * an argument (draw them with fillNormal). Adds the gradient to model.grad and returns L.
 * @param model score model, dimension d, finite parameters
 * @param t (n) @param x (n, d) samples @param v (n, d) projections (finite, exactly n rows)
 * @param n rows, a positive integer
 * @param options varianceReduced (a boolean, default false), perRow (n)
 * @see Song, Garg, Shi & Ermon (2019), UAI, eq. (7) (SSM) and (8) (SSM-VR)
 */
export function slicedScoreMatching(
  model: ScoreModel,
  t: Float64Array,
  x: Float64Array,
  v: Float64Array,
  n: number,
  options: { varianceReduced?: boolean; perRow?: Float64Array } = {},
): number {
  const fn = "slicedScoreMatching";
  const d = checkModel(fn, model, ["evaluateTangent", "backwardTangent"]);
  checkBatch(fn, n, [
    ["t", t, 1],
    ["x", x, d],
    ["v", v, d],
  ]);
  const o = checkOptions(fn, options, n);
  const vr = requireOption(fn, o, "options.varianceReduced", false, requireBoolean);
  const gS = scratch.get(0, n * d).subarray(0, n * d);
  const gT = scratch.get(1, n * d).subarray(0, n * d);
  const { score, tangent } = model.evaluateTangent(t, x, v, n);
  let total = 0;
  for (let r = 0; r < n; r++) {
    let vjv = 0;
    let vs = 0;
    let ss = 0;
    for (let i = 0; i < d; i++) {
      const k = r * d + i;
      vjv += v[k] * tangent[k];
      vs += v[k] * score[k];
      ss += score[k] * score[k];
      gT[k] = v[k] / n;
    }
    for (let i = 0; i < d; i++) {
      const k = r * d + i;
      gS[k] = (vr ? score[k] : vs * v[k]) / n;
    }
    const row = vjv + 0.5 * (vr ? ss : vs * vs);
    if (o.perRow) o.perRow[r] = row;
    total += row;
  }
  model.backwardTangent(gS, gT, n);
  return total / n;
}
