import { uniformGrid } from "../brownian";
import type { ScoreFunction } from "../score";
import { integrate, stochasticHeun, type Sde, type Solver } from "../sde";
import {
  describeValue,
  requireFinite,
  requireFiniteArray,
  requireFunction,
  requireInteger,
  requireInterface,
  requireOptions,
  requirePoints,
} from "../base";
import { checkLikelihoodArgs, likelihoodFlow, type DriftDivergence } from "./likelihood-flow";
import { zeroNoise } from "./zero-noise";
import { hutchinsonFlow } from "./hutchinson-flow";

/** What {@link logDensityByFlow} integrates and how. */
export interface LogDensityByFlowOptions {
  /** start time t of the points (the density computed is $p_t$) */
  t: number;
  /** end time $T > t$, where $\log p_T$ is known */
  T: number;
  /** number of uniform steps from t to T, positive integer */
  steps: number;
  /** $\log p_T$ at n points: x (n, d) → (n); the prior's, or the exact $p_T$'s */
  logDensityAtT: (x: Float64Array) => Float64Array;
  /** ODE solver (default `stochasticHeun`, which is Heun's method, order 2, when g = 0) */
  solver?: Solver;
  /** exact $\nabla\cdot f$ (default: central differences, see {@link likelihoodFlow}) */
  driftDivergence?: DriftDivergence;
  /**
   * (n, d) Hutchinson probes $\varepsilon$, one per point: the divergence is then estimated,
   * $\varepsilon^\top\partial_xF\,\varepsilon$ (see {@link hutchinsonFlow}; no hessianDiagonal needed)
   */
  probes?: Float64Array;
}

/**
 * $\log p_t(x) = \log p_T(x_T) + \int_t^T \nabla\cdot F(s, x_s)\,ds$ where $x_s$ solves the
 * probability-flow ODE from $x_t = x$: an exact likelihood, up to the ODE solver's error and to
 * whatever `logDensityAtT` is (the prior gives the model's likelihood, the exact $p_T$ the truth).
 * With `options.probes` the divergence is Hutchinson's unbiased estimate instead of exact.
 * @param sde forward SDE with additive diagonal noise
 * @param score the score, with hessianDiagonal
 * @param x (n, d) row-major points
 * @param options t, T, steps, logDensityAtT, solver, driftDivergence, probes
 * @returns logDensity (n) and xT (n, d), the points carried to T
 * @see Song et al. (2021), ICLR, Appendix D.2; Chen et al. (2018), NeurIPS, Thm. 1
 */
export function logDensityByFlow(
  sde: Sde,
  score: ScoreFunction,
  x: Float64Array,
  options: LogDensityByFlowOptions,
): { logDensity: Float64Array; xT: Float64Array } {
  const fn = "logDensityByFlow";
  const o = requireOptions(fn, options);
  const probes = o.probes;
  const driftDivergence = checkLikelihoodArgs(fn, sde, score, o, probes === undefined);
  const d = sde.dim;
  const n = requirePoints(fn, "x", x, d);
  if (probes !== undefined) requireFiniteArray(fn, "options.probes", probes, n * d);
  const t = requireFinite(fn, "options.t", o.t, "a finite number");
  const T = requireFinite(fn, "options.T", o.T, `a finite number > t = ${t}`, (v) => v > t);
  const steps = requireInteger(fn, "options.steps", o.steps, 1);
  const logDensityAtT = o.logDensityAtT as LogDensityByFlowOptions["logDensityAtT"];
  requireFunction(fn, "options.logDensityAtT", logDensityAtT);
  const { solver = stochasticHeun } = o;
  requireInterface(fn, "options.solver", solver, "a Solver", ["stepper"]);
  const aug =
    probes === undefined
      ? likelihoodFlow(sde, score, { driftDivergence })
      : hutchinsonFlow(sde, score, probes);
  const z0 = new Float64Array(n * (d + 1)); // (n, d + 1): x, then ℓ = 0
  for (let r = 0; r < n; r++) for (let i = 0; i < d; i++) z0[r * (d + 1) + i] = x[r * d + i];
  const grid = uniformGrid(t, T, steps);
  let z: Float64Array;
  try {
    z = integrate(aug, solver, z0, zeroNoise(grid, n, d + 1)).x;
  } catch (err) {
    if (err instanceof RangeError && err.message.startsWith("integrate: state is not finite")) {
      // integrate names the step; say so under the name of the function called
      throw new RangeError(`${fn}: the flow ${err.message.slice("integrate: ".length)}`, {
        cause: err,
      });
    }
    throw err;
  }
  const xT = new Float64Array(n * d); // (n, d)
  for (let r = 0; r < n; r++) for (let i = 0; i < d; i++) xT[r * d + i] = z[r * (d + 1) + i];
  const logPT = logDensityAtT(xT);
  if (!ArrayBuffer.isView(logPT) || (logPT as Float64Array).length !== n) {
    throw new RangeError(
      `${fn}: options.logDensityAtT must return n = ${n} values, got ${describeValue(logPT)}`,
    );
  }
  const logDensity = new Float64Array(n); // (n)
  for (let r = 0; r < n; r++) {
    if (Number.isNaN(logPT[r])) {
      throw new RangeError(`${fn}: options.logDensityAtT returned NaN at row ${r}`);
    }
    logDensity[r] = logPT[r] + z[r * (d + 1) + d];
  }
  return { logDensity, xT };
}
