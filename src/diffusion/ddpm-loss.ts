import { fillNormal, type Rng } from "../rng";
import { requireFunction, requireInteger, requirePoints } from "../base";
import { checkRng } from "./check-rng";
import { checkSchedule, type DdpmSchedule } from "./ddpm-schedule";
import type { EpsPredictor } from "./eps-predictor";

/**
 * One pass of the training objective: for each data point $x_0$ draw $t \sim \mathrm{Uniform}\{1..T\}$
 * and $\varepsilon \sim \mathcal N(0, I)$, and return $\|\varepsilon - \hat\varepsilon(\sqrt{\bar\alpha_t}x_0 + \sqrt{1-\bar\alpha_t}\varepsilon, t)\|^2$
 * (the simplified loss $L_\text{simple}$; a trainer would take a gradient step on it).
 * Draw order: n uniforms (the steps), then n·d normals. The predictor is called once per
 * distinct step, on the points that drew it, and must return finite values.
 * @param rng generator (advanced)
 * @param schedule the DDPM schedule
 * @param x0 (n, d) row-major data points
 * @param dim d
 * @param predictor $\hat\varepsilon$
 * @returns t (n) the steps, eps (n, d) the noises, xt (n, d) the inputs, loss (n) the squared errors
 * @see Ho, Jain & Abbeel (2020), NeurIPS, Algorithm 1 and eq. (14)
 */
export function ddpmLoss(
  rng: Rng,
  schedule: DdpmSchedule,
  x0: Float64Array,
  dim: number,
  predictor: EpsPredictor,
): { t: Int32Array; eps: Float64Array; xt: Float64Array; loss: Float64Array } {
  const fn = "ddpmLoss";
  checkRng(fn, rng);
  checkSchedule(fn, schedule);
  requireInteger(fn, "dim", dim, 1);
  const n = requirePoints(fn, "x0", x0, dim);
  requireFunction(fn, "predictor", predictor);
  const T = schedule.steps;
  const t = new Int32Array(n); // (n)
  for (let i = 0; i < n; i++) t[i] = Math.min(T, 1 + Math.floor(rng.uniform() * T));
  const eps = fillNormal(rng, new Float64Array(n * dim)); // (n, d)
  const xt = new Float64Array(n * dim); // (n, d)
  const byStep = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const a = Math.sqrt(schedule.alphaBar[t[i]]);
    const s = Math.sqrt(schedule.oneMinusAlphaBar[t[i]]);
    for (let j = 0; j < dim; j++) xt[i * dim + j] = a * x0[i * dim + j] + s * eps[i * dim + j];
    const rows = byStep.get(t[i]);
    if (rows) rows.push(i);
    else byStep.set(t[i], [i]);
  }
  const loss = new Float64Array(n); // (n)
  for (const [step, rows] of byStep) {
    const k = rows.length;
    const xin = new Float64Array(k * dim); // (k, d)
    rows.forEach((i, r) => xin.set(xt.subarray(i * dim, (i + 1) * dim), r * dim));
    const out = new Float64Array(k * dim); // (k, d)
    predictor(step, xin, out, k);
    const bad = out.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      throw new RangeError(
        `${fn}: predictor returned ${out[bad]} at step t = ${step} (row ${rows[Math.floor(bad / dim)]})`,
      );
    }
    rows.forEach((i, r) => {
      let s = 0;
      for (let j = 0; j < dim; j++) s += (eps[i * dim + j] - out[r * dim + j]) ** 2;
      loss[i] = s;
    });
  }
  return { t, eps, xt, loss };
}
