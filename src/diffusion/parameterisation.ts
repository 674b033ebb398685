import { requireFinite, requireFiniteArray, requireOneOf } from "../base";

/** What a denoiser predicts from $x_t = \alpha_t x_0 + \sigma_t\varepsilon$. */
export type Prediction = "x0" | "eps" | "score" | "v";

const KINDS: readonly Prediction[] = ["x0", "eps", "score", "v"];

/**
 * Converts one prediction into another for $x_t = \alpha x_0 + \sigma\varepsilon$ (one convention,
 * exact for any $\alpha > 0$, $\sigma > 0$): score $s = -\varepsilon/\sigma$ (Tweedie, so
 * $x_0 = (x_t + \sigma^2 s)/\alpha$), velocity $v = \alpha\varepsilon - \sigma x_0$, hence
 * $x_0 = (\alpha x_t - \sigma v)/(\alpha^2 + \sigma^2)$ and $\varepsilon = (\sigma x_t + \alpha v)/(\alpha^2 + \sigma^2)$
 * (the VP case $\alpha^2 + \sigma^2 = 1$ gives Salimans & Ho's $x_0 = \alpha x_t - \sigma v$).
 * Every route goes through $(x_0, \varepsilon)$, which are linked by $x_t$.
 * @param from the kind of `prediction`
 * @param to the kind wanted
 * @param prediction (n, d) row-major, or any layout: the map is elementwise
 * @param xt the noisy input, same layout and length as prediction
 * @param scale $\alpha > 0$ (VP: $\sqrt{\bar\alpha_t}$)
 * @param std $\sigma > 0$ (VP: $\sqrt{1 - \bar\alpha_t}$)
 * @returns a new array, same layout
 * @see Salimans & Ho (2022), ICLR, Appendix D (v-prediction); Kingma et al. (2021), NeurIPS, eq. (2); Karras et al. (2022), §2
 */
export function convertPrediction(
  from: Prediction,
  to: Prediction,
  prediction: Float64Array,
  xt: Float64Array,
  scale: number,
  std: number,
): Float64Array {
  const fn = "convertPrediction";
  requireOneOf(fn, "from", from, KINDS);
  requireOneOf(fn, "to", to, KINDS);
  requireFiniteArray(fn, "prediction", prediction, { min: 1 });
  requireFiniteArray(fn, "xt", xt, prediction.length);
  const a = requireFinite(fn, "scale", scale, "a finite number > 0", (v) => v > 0);
  const s = requireFinite(fn, "std", std, "a finite number > 0", (v) => v > 0);
  const r = a * a + s * s;
  const out = new Float64Array(prediction.length); // same layout as prediction
  for (let i = 0; i < out.length; i++) {
    const p = prediction[i];
    const x = xt[i];
    let x0: number;
    let eps: number;
    if (from === "x0") {
      x0 = p;
      eps = (x - a * p) / s;
    } else if (from === "eps") {
      eps = p;
      x0 = (x - s * p) / a;
    } else if (from === "score") {
      eps = -s * p;
      x0 = (x + s * s * p) / a;
    } else {
      x0 = (a * x - s * p) / r;
      eps = (s * x + a * p) / r;
    }
    out[i] = to === "x0" ? x0 : to === "eps" ? eps : to === "score" ? -eps / s : a * eps - s * x0;
  }
  return out;
}
