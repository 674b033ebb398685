import { uniformGrid } from "../brownian";
import type { ScoreFunction } from "../score";
import { integrate, stochasticHeun, type Sde, type Solver } from "../sde";
import { requireFinite, requirePoints, describeValue } from "../base";
import { likelihoodFlow, type DriftDivergence } from "./likelihood-flow";
import { zeroNoise } from "./zero-noise";

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
}

/**
 * $\log p_t(x) = \log p_T(x_T) + \int_t^T \nabla\cdot F(s, x_s)\,ds$ where $x_s$ solves the
 * probability-flow ODE from $x_t = x$: an exact likelihood, up to the ODE solver's error and to
 * whatever `logDensityAtT` is (the prior gives the model's likelihood, the exact $p_T$ the truth).
 * @param sde forward SDE with additive diagonal noise
 * @param score the score, with hessianDiagonal
 * @param x (n, d) row-major points
 * @param options t, T, steps, logDensityAtT, solver, driftDivergence
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
  const aug = likelihoodFlow(sde, score, { driftDivergence: options?.driftDivergence });
  const d = sde.dim;
  const n = requirePoints(fn, "x", x, d);
  const t = requireFinite(fn, "options.t", options.t, "a finite number");
  const T = requireFinite(fn, "options.T", options.T, `a finite number > t = ${t}`, (v) => v > t);
  const steps = requireFinite(
    fn,
    "options.steps",
    options.steps,
    "a positive integer",
    (v) => Number.isInteger(v) && v >= 1,
  );
  if (typeof options.logDensityAtT !== "function") {
    throw new TypeError(
      `${fn}: options.logDensityAtT must be a function, got ${describeValue(options.logDensityAtT)}`,
    );
  }
  const z0 = new Float64Array(n * (d + 1)); // (n, d + 1): x, then ℓ = 0
  for (let r = 0; r < n; r++) for (let i = 0; i < d; i++) z0[r * (d + 1) + i] = x[r * d + i];
  const grid = uniformGrid(t, T, steps);
  const z = integrate(aug, options.solver ?? stochasticHeun, z0, zeroNoise(grid, n, d + 1)).x;
  const xT = new Float64Array(n * d); // (n, d)
  for (let r = 0; r < n; r++) for (let i = 0; i < d; i++) xT[r * d + i] = z[r * (d + 1) + i];
  const logPT = options.logDensityAtT(xT);
  if (!(logPT instanceof Float64Array || ArrayBuffer.isView(logPT)) || logPT.length !== n) {
    throw new RangeError(
      `${fn}: options.logDensityAtT must return n = ${n} values, got ${describeValue(logPT)}`,
    );
  }
  const logDensity = new Float64Array(n); // (n)
  for (let r = 0; r < n; r++) logDensity[r] = logPT[r] + z[r * (d + 1) + d];
  return { logDensity, xT };
}
