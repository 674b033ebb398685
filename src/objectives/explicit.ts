import type { ScoreModel } from "../nn";
import { checkBatch, checkModel, checkOptions, Scratch, weightFunction } from "./validate";
import type { Weighting } from "./validate";
import { requireOption } from "../base";

const scratch = new Scratch();

/**
 * $L(\theta) = \frac1n\sum_r \tfrac12\lambda(t_r)\lVert s_\theta(t_r, x_r) - s(t_r, x_r)\rVert^2$
 * against a known score s (the "explicit" objective; only possible when the score is known).
 * Adds $\partial L/\partial\theta$ to model.grad and returns L.
 * @param model score model, dimension d, finite parameters
 * @param t (n) times @param x (n, d) row-major points @param target (n, d) the true score at them
 *   (all finite, exactly n rows)
 * @param n rows, a positive integer
 * @param options weighting ("none" default, or a function of t returning a finite λ ≥ 0),
 *   perRow (n) per-row losses
 * @see Hyvärinen (2005), JMLR 6, eq. (2); Song et al. (2021), ICLR, eq. (7)
 */
export function explicitScoreMatching(
  model: ScoreModel,
  t: Float64Array,
  x: Float64Array,
  target: Float64Array,
  n: number,
  options: { weighting?: Weighting; perRow?: Float64Array } = {},
): number {
  const fn = "explicitScoreMatching";
  const d = checkModel(fn, model, ["evaluate", "backward"]);
  checkBatch(fn, n, [
    ["t", t, 1],
    ["x", x, d],
    ["target", target, d],
  ]);
  const o = checkOptions(fn, options, n);
  const lambda = weightFunction(fn, requireOption(fn, o, "options.weighting", "none"), undefined);
  const s = model.evaluate(t, x, n);
  const g = scratch.get(0, n * d).subarray(0, n * d);
  let total = 0;
  for (let r = 0; r < n; r++) {
    const lam = lambda(t[r]);
    let sq = 0;
    for (let i = 0; i < d; i++) {
      const e = s[r * d + i] - target[r * d + i];
      sq += e * e;
      g[r * d + i] = (lam * e) / n;
    }
    const row = 0.5 * lam * sq;
    if (o.perRow) o.perRow[r] = row;
    total += row;
  }
  model.backward(g, n);
  return total / n;
}
