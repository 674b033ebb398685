import type { ScoreModel } from "../nn";
import type { LinearProcess } from "../processes";
import { fillNormal, fillUniform, type Rng } from "../rng";
import {
  describeValue,
  requireInteger,
  requireInterface,
  requireOption,
  requireRows,
  requireTime,
} from "../base";
import { checkBatch, checkModel, checkOptions, Scratch, weightFunction } from "./validate";
import type { Weighting } from "./validate";

/** One minibatch of denoising score matching: times, clean data and the noise that corrupts it. */
export interface DsmBatch {
  /** (n) times in (0, T] */
  t: Float64Array;
  /** (n, d) row-major clean samples $x_0$ */
  x0: Float64Array;
  /** (n, d) row-major standard normal $\varepsilon$ */
  eps: Float64Array;
}

/** What {@link denoisingScoreMatching} weights and reports. */
export interface DsmOptions {
  /** λ(t): "std2" (default, $\sigma_t^2$), "none", or a function of t returning a finite λ ≥ 0 */
  weighting?: Weighting;
  /** (n) receives each row's loss $\tfrac12\lambda(t_r)\lVert s_\theta + \varepsilon_r/\sigma_r\rVert^2$ */
  perRow?: Float64Array;
}

const scratch = new Scratch();

/**
 * $L(\theta) = \frac1n\sum_r \tfrac12\lambda(t_r)\,\lVert s_\theta(t_r, \alpha_r x_{0,r} + \sigma_r\varepsilon_r) + \varepsilon_r/\sigma_r\rVert^2$,
 * $\alpha = $ scale(t), $\sigma = $ std(t): the target $-\varepsilon/\sigma = \nabla_{x_t}\log p(x_t\mid x_0)$.
 * Adds $\partial L/\partial\theta$ to model.grad and returns L. Differs from the explicit objective
 * with the same λ by a constant in θ (Vincent 2011). The noise is an argument: draw it with {@link dsmBatch}.
 * @param model the score model, dimension d, finite parameters
 * @param process linear forward process (scale, std) of dimension d
 * @param batch t (n) in [0, T] with std(t) > 0, x0 (n, d), eps (n, d): finite, exactly n rows
 * @param n rows, a positive integer
 * @param options weighting, perRow
 * @see Vincent (2011), Neural Computation 23(7), eq. (7) and Appendix; Song et al. (2021), ICLR, eq. (7)
 */
export function denoisingScoreMatching(
  model: ScoreModel,
  process: LinearProcess,
  batch: DsmBatch,
  n: number,
  options: DsmOptions = {},
): number {
  const fn = "denoisingScoreMatching";
  const d = checkModel(fn, model, ["evaluate", "backward"]);
  checkProcess(fn, process, "model.dim", d);
  if (batch === null || typeof batch !== "object") {
    throw new TypeError(
      `${fn}: batch must be an object { t, x0, eps }, got ${describeValue(batch)}`,
    );
  }
  checkBatch(fn, n, [
    ["batch.t", batch.t, 1],
    ["batch.x0", batch.x0, d],
    ["batch.eps", batch.eps, d],
  ]);
  const o = checkOptions(fn, options, n);
  const lambda = weightFunction(fn, requireOption(fn, o, "options.weighting", "std2"), (t) =>
    process.std(t),
  );
  const { t, x0, eps } = batch;
  const T = process.T;
  const xt = scratch.get(0, n * d).subarray(0, n * d);
  const sig = scratch.get(1, n);
  const lam = scratch.get(2, n);
  for (let r = 0; r < n; r++) {
    const tr = t[r];
    if (!(tr >= 0 && tr <= T)) requireTime(fn, `batch.t[${r}]`, tr, T); // throws, naming the row
    const a = process.scale(tr);
    const s = process.std(tr);
    if (!(s > 0)) {
      throw new RangeError(
        `${fn}: batch.t[${r}] = ${tr} gives std(t) = ${s}; the target −ε/σ needs σ > 0 (take t > 0)`,
      );
    }
    sig[r] = s;
    lam[r] = lambda(tr);
    for (let i = 0; i < d; i++) xt[r * d + i] = a * x0[r * d + i] + s * eps[r * d + i];
  }
  const score = model.evaluate(t, xt, n);
  const g = scratch.get(3, n * d).subarray(0, n * d);
  let total = 0;
  for (let r = 0; r < n; r++) {
    let sq = 0;
    for (let i = 0; i < d; i++) {
      const e = score[r * d + i] + eps[r * d + i] / sig[r];
      sq += e * e;
      g[r * d + i] = (lam[r] * e) / n;
    }
    const row = 0.5 * lam[r] * sq;
    if (o.perRow) o.perRow[r] = row;
    total += row;
  }
  model.backward(g, n);
  return total / n;
}

/**
 * A minibatch for {@link denoisingScoreMatching}: $t_r \sim U(t_{min}, T)$, $\varepsilon_r \sim N(0, I)$,
 * $x_0$ rows copied. t is drawn before ε, from one stream.
 * @param rng generator
 * @param process gives T; its dimension must be d
 * @param x0 (n, d) clean samples, finite, exactly n rows @param n rows, a positive integer
 * @param d dimension, a positive integer
 * @param tMin lower end of the times, in (0, T) (default 1e-3, as in Song et al. 2021; $\sigma_t \to 0$ at 0)
 * @see Song et al. (2021), ICLR, eq. (7) and Appendix C
 */
export function dsmBatch(
  rng: Rng,
  process: LinearProcess,
  x0: Float64Array,
  n: number,
  d: number,
  tMin = 1e-3,
): DsmBatch {
  const fn = "dsmBatch";
  requireInterface(fn, "rng", rng, "an Rng from createRng", ["nextUint32", "uniform", "normal"]);
  const rows = requireInteger(fn, "n", n, 1);
  const dim = requireInteger(fn, "d", d, 1);
  checkProcess(fn, process, "d", dim);
  requireRows(fn, "x0", x0, rows, dim);
  const T = process.T;
  requireTime(fn, "tMin", tMin, T, { positive: true, open: true });
  const t = fillUniform(rng, new Float64Array(n));
  for (let r = 0; r < n; r++) t[r] = tMin + (T - tMin) * t[r];
  const eps = fillNormal(rng, new Float64Array(n * d));
  return { t, x0: x0.slice(0, n * d), eps };
}

/** Throws unless process is a LinearProcess of dimension d (named `dName`). */
function checkProcess(fn: string, process: unknown, dName: string, d: number): void {
  requireInterface(fn, "process", process, "a LinearProcess (with scale and std)", [
    "scale",
    "std",
  ]);
  const p = process as LinearProcess;
  if (p.dim !== d) {
    throw new RangeError(
      `${fn}: process.dim must equal ${dName} = ${d}, got ${describeValue(p.dim)}`,
    );
  }
}
