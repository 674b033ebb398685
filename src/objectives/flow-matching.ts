import {
  describeValue,
  isFloat64Array,
  requireAllFinite,
  requireInteger,
  requireInterface,
  requireOption,
  requireOptions,
  requireRows,
  requireTime,
} from "../base";
import type { ProbabilityPath, VelocityFunction, VelocityModel } from "../flow";
import { fillNormal, fillUniform, type Rng } from "../rng";
import type { DsmBatch } from "./denoising";
import { checkBatch, checkOptions, Scratch, weightFunction } from "./validate";

/** What {@link flowMatchingLoss} weights, reports and regresses onto. */
export interface FlowMatchingOptions {
  /** λ(t): "none" (default) or a function of t returning a finite λ ≥ 0 */
  weighting?: "none" | ((t: number) => number);
  /** (n) receives each row's loss $\lambda(t_r)\lVert u_\theta - \text{target}_r\rVert^2$ */
  perRow?: Float64Array;
  /** regress onto target(t, x_t) instead of the conditional velocity: Lipman et al.'s marginal loss $L_{FM}$ when target is the marginal velocity */
  target?: VelocityFunction;
}

/** The model shape the loss reads: a forward pass per row and a backward pass. */
export type FlowModel = Pick<VelocityModel, "dim" | "params" | "evaluate" | "backward">;

const scratch = new Scratch();

/**
 * $L(\theta) = \frac1n\sum_r\lambda(t_r)\,\lVert u_\theta(t_r, x_{t,r}) - (\dot\alpha_{t_r}x_{0,r} + \dot\sigma_{t_r}\varepsilon_r)\rVert^2$,
 * $x_{t,r} = \alpha_{t_r}x_{0,r} + \sigma_{t_r}\varepsilon_r$: conditional flow matching. Adds
 * $\partial L/\partial\theta$ to model.grad and returns L. It differs from the marginal loss
 * $\frac1n\sum_r\lambda\lVert u_\theta - u_t(x_{t,r})\rVert^2$ (options.target = the marginal velocity)
 * by a constant in θ, so both have the same gradient in expectation (Lipman et al., Theorem 2).
 * For a reflow, pass coupled pairs $(x_0, \varepsilon)$: the target is then Liu et al.'s
 * $\varepsilon - x_0$ on the linear path. The noise is an argument: draw it with {@link flowMatchingBatch}.
 * @param model the velocity model (`velocityNet`, or any model with evaluate and backward), dimension d, finite parameters
 * @param path the conditional path (α, σ and their rates)
 * @param batch t (n) in [0, T] with a finite $\dot\sigma_t$ (unless a target is given), x0 (n, d), eps (n, d): finite, exactly n rows
 * @param n rows, a positive integer
 * @param options weighting, perRow, target
 * @see Lipman et al. (2023), ICLR, eq. (5), (9), Theorem 2 and eq. (14); Liu, Gong & Liu (2023), ICLR, eq. (1)
 */
export function flowMatchingLoss(
  model: FlowModel,
  path: ProbabilityPath,
  batch: DsmBatch,
  n: number,
  options: FlowMatchingOptions = {},
): number {
  const fn = "flowMatchingLoss";
  const d = checkFlowModel(fn, model);
  checkPath(fn, path);
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
  const lambda = weightFunction(fn, requireOption(fn, o, "options.weighting", "none"), undefined);
  const target = o.target;
  if (target !== undefined) {
    requireInterface(fn, "options.target", target, "a VelocityFunction", ["velocity"]);
    if (target.dim !== d) {
      throw new RangeError(
        `${fn}: options.target.dim must equal model.dim = ${d}, got ${describeValue(target.dim)}`,
      );
    }
  }
  const { t, x0, eps } = batch;
  const T = path.T;
  const xt = scratch.get(0, n * d).subarray(0, n * d);
  const goal = scratch.get(1, n * d).subarray(0, n * d); // the regression target per row
  const lam = scratch.get(2, n);
  for (let r = 0; r < n; r++) {
    const tr = t[r];
    if (!(tr >= 0 && tr <= T)) requireTime(fn, `batch.t[${r}]`, tr, T); // throws, naming the row
    const [a, s, aDot, sDot] = [path.scale(tr), path.std(tr), path.scaleRate(tr), path.stdRate(tr)];
    if (target === undefined && !Number.isFinite(sDot)) {
      throw new RangeError(
        `${fn}: batch.t[${r}] = ${tr} gives an infinite σ̇_t: the conditional velocity needs t > 0 there`,
      );
    }
    lam[r] = lambda(tr);
    for (let i = r * d; i < (r + 1) * d; i++) {
      xt[i] = a * x0[i] + s * eps[i];
      goal[i] = aDot * x0[i] + sDot * eps[i];
    }
  }
  if (target !== undefined) {
    const row = scratch.get(3, d).subarray(0, d);
    for (let r = 0; r < n; r++) {
      target.velocity(t[r], xt.subarray(r * d, (r + 1) * d), row, 1);
      goal.set(row, r * d);
    }
  }
  const u = model.evaluate(t, xt, n);
  const g = scratch.get(4, n * d).subarray(0, n * d);
  let total = 0;
  for (let r = 0; r < n; r++) {
    let sq = 0;
    for (let i = r * d; i < (r + 1) * d; i++) {
      const e = u[i] - goal[i];
      sq += e * e;
      g[i] = (2 * lam[r] * e) / n;
    }
    const row = lam[r] * sq;
    if (o.perRow) o.perRow[r] = row;
    total += row;
  }
  model.backward(g, n);
  return total / n;
}

/**
 * A minibatch for {@link flowMatchingLoss}: $t_r \sim U(t_{min}, t_{max})$, $\varepsilon_r \sim \mathcal N(0, I)$,
 * $x_0$ rows copied. t is drawn before ε, from one stream.
 * @param rng generator
 * @param path gives T
 * @param x0 (n, d) data, finite, exactly n rows
 * @param n rows, a positive integer
 * @param d dimension, a positive integer
 * @param options tMin (default 0) < tMax (default T), both in [0, T] (VP and interpolant paths need tMin > 0: $\dot\sigma_0 = \infty$)
 * @see Lipman et al. (2023), ICLR, Algorithm 1 (t ~ U[0, 1]); Liu, Gong & Liu (2023), ICLR, Algorithm 1
 */
export function flowMatchingBatch(
  rng: Rng,
  path: ProbabilityPath,
  x0: Float64Array,
  n: number,
  d: number,
  options: { tMin?: number; tMax?: number } = {},
): DsmBatch {
  const fn = "flowMatchingBatch";
  requireInterface(fn, "rng", rng, "an Rng from createRng", ["nextUint32", "uniform", "normal"]);
  checkPath(fn, path);
  const rows = requireInteger(fn, "n", n, 1);
  const dim = requireInteger(fn, "d", d, 1);
  requireRows(fn, "x0", x0, rows, dim);
  const o = requireOptions(fn, options);
  const T = path.T;
  const tMin = o.tMin === undefined ? 0 : requireTime(fn, "options.tMin", o.tMin, T);
  const tMax = o.tMax === undefined ? T : requireTime(fn, "options.tMax", o.tMax, T);
  if (!(tMax > tMin)) {
    throw new RangeError(`${fn}: options.tMax must be > options.tMin = ${tMin}, got ${tMax}`);
  }
  const t = fillUniform(rng, new Float64Array(rows));
  for (let r = 0; r < rows; r++) t[r] = tMin + (tMax - tMin) * t[r];
  const eps = fillNormal(rng, new Float64Array(rows * dim));
  return { t, x0: x0.slice(0, rows * dim), eps };
}

/** Throws unless model has evaluate and backward, an integer dim ≥ 1 and finite params; returns d. */
function checkFlowModel(fn: string, model: unknown): number {
  requireInterface(fn, "model", model, "a velocity model (with evaluate and backward)", [
    "evaluate",
    "backward",
  ]);
  const m = model as FlowModel;
  const d = requireInteger(fn, "model.dim", m.dim, 1);
  if (isFloat64Array(m.params)) requireAllFinite(fn, "model.params", m.params);
  return d;
}

/** Throws unless path is a ProbabilityPath with a finite horizon T > 0. */
function checkPath(fn: string, path: unknown): void {
  requireInterface(fn, "path", path, "a ProbabilityPath (linearPath, vpPath, …)", [
    "scale",
    "std",
    "scaleRate",
    "stdRate",
    "varianceRate",
  ]);
  const T = (path as ProbabilityPath).T;
  if (!(typeof T === "number" && T > 0 && T < Infinity)) {
    throw new RangeError(`${fn}: path.T must be a finite number > 0, got ${describeValue(T)}`);
  }
}
