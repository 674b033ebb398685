import { requireFiniteArray, requireFloat64Array, requireOneOf, requireTime } from "../base";
import { requirePath, type ProbabilityPath } from "./probability-path";

/** What a flow model may predict at $x_t = \alpha_t x_0 + \sigma_t\varepsilon$. */
export type FlowPrediction = "velocity" | "x0" | "eps" | "score";

const KINDS: readonly FlowPrediction[] = ["velocity", "x0", "eps", "score"];

/**
 * Converts one prediction into another at a time t of a path: with $x_t = \alpha x_0 + \sigma\varepsilon$
 * and $u = \dot\alpha x_0 + \dot\sigma\varepsilon$, the pair $(x_0, \varepsilon)$ solves a 2×2 system,
 * $x_0 = (\dot\sigma x_t - \sigma u)/\Delta$, $\varepsilon = (\alpha u - \dot\alpha x_t)/\Delta$,
 * $\Delta = \alpha\dot\sigma - \sigma\dot\alpha$ (1 for the linear path), and the score is
 * $-\varepsilon/\sigma$ (Tweedie). Every route goes through $(x_0, \varepsilon)$; each needs what it
 * divides by: from "x0" or to "score" σ > 0, from "eps" or "score" α ≠ 0, from "velocity" a finite
 * $\dot\sigma$ and Δ ≠ 0, to "velocity" a finite $\dot\sigma$ (a RangeError says which fails).
 * @param from the kind of `prediction`
 * @param to the kind wanted
 * @param prediction (n, d) row-major, or any layout: the map is elementwise
 * @param xt the points, same layout and length as prediction
 * @param path the conditional path
 * @param t time in [0, T]
 * @returns a new array, same layout
 * @see Lipman et al. (2023), ICLR, Theorem 3; Salimans & Ho (2022), ICLR, Appendix D; Kingma et al. (2021), NeurIPS, eq. (2)
 */
export function convertFlowPrediction(
  from: FlowPrediction,
  to: FlowPrediction,
  prediction: Float64Array,
  xt: Float64Array,
  path: ProbabilityPath,
  t: number,
): Float64Array {
  const fn = "convertFlowPrediction";
  requireOneOf(fn, "from", from, KINDS);
  requireOneOf(fn, "to", to, KINDS);
  requireFiniteArray(fn, "prediction", prediction, { min: 1 });
  const x = requireFloat64Array(fn, "xt", xt);
  if (x.length !== prediction.length) {
    throw new RangeError(
      `${fn}: prediction and xt must have the same length, got ${prediction.length} and ${x.length}`,
    );
  }
  requireFiniteArray(fn, "xt", xt, prediction.length);
  requirePath(fn, path);
  const s = requireTime(fn, "t", t, path.T);
  const [a, sig, aDot, sDot] = [path.scale(s), path.std(s), path.scaleRate(s), path.stdRate(s)];
  const det = a * sDot - sig * aDot;
  const need = (ok: boolean, what: string) => {
    if (!ok) throw new RangeError(`${fn}: from "${from}" to "${to}" needs ${what} at t = ${s}`);
  };
  need(!(from === "x0" || to === "score") || sig > 0, `σ_t > 0, got σ_t = ${sig}`);
  need(!(from === "eps" || from === "score") || a !== 0, `α_t ≠ 0, got α_t = ${a}`);
  need(
    !(from === "velocity" || to === "velocity") || Number.isFinite(sDot),
    `a finite σ̇_t, got ${sDot}`,
  );
  need(from !== "velocity" || det !== 0, `α_t σ̇_t − σ_t α̇_t ≠ 0, got ${det}`);
  const out = new Float64Array(prediction.length); // same layout as prediction
  for (let i = 0; i < out.length; i++) {
    const p = prediction[i];
    const x = xt[i];
    let x0: number;
    let eps: number;
    if (from === "x0") [x0, eps] = [p, (x - a * p) / sig];
    else if (from === "eps") [x0, eps] = [(x - sig * p) / a, p];
    else if (from === "score") [x0, eps] = [(x + sig * sig * p) / a, -sig * p];
    else [x0, eps] = [(sDot * x - sig * p) / det, (a * p - aDot * x) / det];
    out[i] =
      to === "x0" ? x0 : to === "eps" ? eps : to === "score" ? -eps / sig : aDot * x0 + sDot * eps;
  }
  return out;
}
