import { cholesky, inverseFromCholesky } from "../linalg";
import { requireFinite } from "../base";
import { checkSchedule, type DdpmSchedule } from "./ddpm-schedule";
import { checkModel, type LinearReverseModel } from "./linear-reverse-model";

/** A Gaussian law of the path $(x_1, \dots, x_T)$: mean (T) and covariance (T, T) row-major, index t − 1. */
export interface PathLaw {
  readonly mean: Float64Array;
  readonly cov: Float64Array;
}

/**
 * $q(x_{1:T}\mid x_0)$: mean $\sqrt{\bar\alpha_t}x_0$, $\operatorname{Cov}(x_s, x_t) = \sqrt{\bar\alpha_t/\bar\alpha_s}\,(1-\bar\alpha_s)$
 * for $s \le t$ (the 1-D forward chain $x_t = \sqrt{\alpha_t}x_{t-1} + \sqrt{\beta_t}\varepsilon_t$).
 * @param schedule the DDPM schedule (T steps)
 * @param x0 the data point
 * @returns mean (T), cov (T, T) row-major
 * @see Ho, Jain & Abbeel (2020), NeurIPS, eq. (2) and (4)
 */
export function forwardPathLaw(schedule: DdpmSchedule, x0: number): PathLaw {
  checkSchedule("forwardPathLaw", schedule);
  requireFinite("forwardPathLaw", "x0", x0, "a finite number");
  const { steps: T, alphaBar, oneMinusAlphaBar } = schedule;
  const mean = new Float64Array(T); // (T)
  const cov = new Float64Array(T * T); // (T, T)
  for (let s = 1; s <= T; s++) {
    mean[s - 1] = Math.sqrt(alphaBar[s]) * x0;
    for (let t = s; t <= T; t++) {
      const c = Math.sqrt(alphaBar[t] / alphaBar[s]) * oneMinusAlphaBar[s];
      cov[(s - 1) * T + (t - 1)] = c;
      cov[(t - 1) * T + (s - 1)] = c;
    }
  }
  return { mean, cov };
}

/**
 * $p_\theta(x_{1:T}\mid x_0) \propto p(x_T)\prod_t p_\theta(x_{t-1}\mid x_t)$ for an affine 1-D model:
 * the joint log-density $-\tfrac12x_T^2 - \sum_t (x_{t-1} - a_tx_t - b_t)^2/2\sigma_t^2$ has a
 * tridiagonal precision $\Lambda$; conditioning on $x_0$ keeps $\Lambda_{1:T,1:T}$ and shifts the
 * linear term by $-\Lambda_{1:T,0}\,x_0$. Dense inversion by Cholesky, O(T³): meant for T ≲ 200.
 * @param model the reverse model (T steps)
 * @param x0 the data point
 * @returns mean (T), cov (T, T) row-major
 * @see Bishop (2006), Pattern Recognition and Machine Learning, §2.3.1 (conditionals in precision form)
 */
export function reversePathPosterior(model: LinearReverseModel, x0: number): PathLaw {
  const fn = "reversePathPosterior";
  checkModel(fn, model);
  requireFinite(fn, "x0", x0, "a finite number");
  const T = model.steps;
  const n = T + 1;
  const lam = new Float64Array(n * n); // (T + 1, T + 1) joint precision of x_0..x_T
  const h = new Float64Array(n); // (T + 1) linear term
  lam[T * n + T] = 1; // p(x_T) = N(0, 1)
  for (let t = 1; t <= T; t++) {
    const [a, b, w] = [model.slope[t], model.intercept[t], 1 / model.variance[t]];
    lam[(t - 1) * n + (t - 1)] += w;
    lam[t * n + t] += a * a * w;
    lam[(t - 1) * n + t] -= a * w;
    lam[t * n + (t - 1)] -= a * w;
    h[t - 1] += b * w;
    h[t] -= a * b * w;
  }
  const p = new Float64Array(T * T); // (T, T) precision of x_1..x_T given x_0
  const hc = new Float64Array(T); // (T)
  for (let i = 0; i < T; i++) {
    hc[i] = h[i + 1] - lam[(i + 1) * n] * x0;
    for (let j = 0; j < T; j++) p[i * T + j] = lam[(i + 1) * n + (j + 1)];
  }
  const l = new Float64Array(T * T); // (T, T)
  if (!cholesky(p, 0, T, l)) {
    throw new RangeError(`${fn}: the conditional precision is not positive definite`);
  }
  const cov = new Float64Array(T * T); // (T, T)
  inverseFromCholesky(l, T, cov, 0);
  const mean = new Float64Array(T); // (T)
  for (let i = 0; i < T; i++) for (let j = 0; j < T; j++) mean[i] += cov[i * T + j] * hc[j];
  return { mean, cov };
}
