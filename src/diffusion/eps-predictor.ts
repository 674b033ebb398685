import { requireFloat64Array, requireInteger, requireRows } from "../base";
import { mixtureScore, pushForward, type GaussianMixture } from "../mixture";
import { checkData } from "./check-data";
import { checkSchedule, checkStep, type DdpmSchedule } from "./ddpm-schedule";

/**
 * A noise predictor $\hat\varepsilon(x_t, t)$: writes (n, d) predictions for (n, d) row-major
 * inputs at the integer step t.
 */
export type EpsPredictor = (t: number, xt: Float64Array, out: Float64Array, n: number) => void;

/**
 * The exact (minimum-MSE) noise predictor of mixture data, $\hat\varepsilon(x_t, t) = \mathbb E[\varepsilon\mid x_t]
 * = -\sqrt{1-\bar\alpha_t}\,\nabla\log q_t(x_t)$, with $q_t = \sum_k w_k\mathcal N(\sqrt{\bar\alpha_t}\mu_k, \bar\alpha_t\Sigma_k + (1-\bar\alpha_t)I)$
 * (pushed mixtures cached per step). The predictor validates its arguments (t a step in [1, T],
 * n ≥ 1, xt finite with n·d values, out with at least n·d); its errors name `mixtureEpsPredictor`.
 * @param schedule the DDPM schedule
 * @param data the data law, a d-dimensional Gaussian mixture
 * @see Ho, Jain & Abbeel (2020), NeurIPS, eq. (11)–(12); Vincent (2011), Neural Computation 23(7) (denoising score matching)
 */
export function mixtureEpsPredictor(schedule: DdpmSchedule, data: GaussianMixture): EpsPredictor {
  const fn = "mixtureEpsPredictor";
  checkSchedule(fn, schedule);
  checkData(fn, data);
  const cache = new Map<number, GaussianMixture>();
  return (t, xt, out, n) => {
    checkStep(fn, schedule, t);
    requireInteger(fn, "n", n, 1);
    requireRows(fn, "xt", xt, n, data.dim);
    if (requireFloat64Array(fn, "out", out).length < n * data.dim) {
      throw new RangeError(
        `${fn}: out must hold at least n·d = ${n * data.dim} values, got ${out.length}`,
      );
    }
    let q = cache.get(t);
    if (q === undefined) {
      q = pushForward(
        data,
        Math.sqrt(schedule.alphaBar[t]),
        Math.sqrt(schedule.oneMinusAlphaBar[t]),
      );
      cache.set(t, q);
    }
    const s = mixtureScore(q, xt.subarray(0, n * data.dim)); // (n, d)
    const std = Math.sqrt(schedule.oneMinusAlphaBar[t]);
    for (let i = 0; i < n * data.dim; i++) out[i] = -std * s[i];
  };
}
