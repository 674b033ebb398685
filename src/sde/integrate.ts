import { describeValue, isFloat64Array, optionalInteger, requireOptions } from "../base";
import type { BrownianSource } from "../brownian";
import { checkSde, noiseClass, type Sde } from "./sde";
import type { Solver } from "./solver";

/** What {@link integrate} keeps besides the terminal state. */
export interface IntegrateOptions {
  /** keep X at steps 0, k, 2k, … and K (an integer k ≥ 1); absent keeps steps 0 and K only */
  saveEvery?: number;
}

export interface IntegrateResult {
  /** (n, d) row-major terminal state $X_{t_K}$ */
  x: Float64Array;
  /** (S) times of the saved states (S = 2 without saveEvery: $t_0$ and $t_K$) */
  times: Float64Array;
  /** (S, n, d) time-major saved states */
  states: Float64Array;
}

/**
 * $X_{k+1} = \Phi(t_k, h_k, X_k, \Delta W_k[, \Delta Z_k])$ for $k = 0..K-1$, on the path's grid
 * (which may run backwards). Memory: O(n·d) plus what is saved; nothing is allocated per step.
 * Throws a RangeError naming the step and time as soon as the state stops being finite.
 * @param sde the SDE; its noise dimension must equal the path's
 * @param solver e.g. `eulerMaruyama`; must support the SDE's noise class
 * @param x0 (n, d) row-major initial states, n = path.paths (copied, not modified)
 * @param path Brownian increments (stored path or stream), n paths of dimension m
 * @param options saveEvery (default: the number of steps K, so steps 0 and K are saved)
 * @see Kloeden & Platen (1992), §9.1 (one-step schemes on a time discretisation)
 */
export function integrate(
  sde: Sde,
  solver: Solver,
  x0: Float64Array,
  path: BrownianSource,
  options: IntegrateOptions = {},
): IntegrateResult {
  checkSde("integrate", sde);
  checkIntegrateArgs("integrate", sde, solver, x0, path);
  const K = path.grid.steps;
  const { saveEvery: every } = requireOptions("integrate", options);
  const saveEvery = optionalInteger("integrate", "options.saveEvery", every, 1) ?? K;
  const n = path.paths;
  const nd = n * sde.dim;
  const m = path.dim;
  const x = Float64Array.from(x0); // (n, d)
  const dW = new Float64Array(n * m); // (n, m)
  const dZ = solver.levyArea ? new Float64Array(n * m) : null; // (n, m)
  const stepper = solver.stepper(sde, n);
  const S = Math.floor(K / saveEvery) + 1 + (K % saveEvery === 0 ? 0 : 1);
  const states = new Float64Array(S * nd); // (S, n, d)
  const times = new Float64Array(S);
  let saved = 0;
  states.set(x, 0);
  times[saved++] = path.grid.at(0);
  let t = path.grid.at(0);
  for (let k = 0; k < K; k++) {
    const t1 = path.grid.at(k + 1);
    path.increments(k, dW, dZ);
    if (!stepper.step(t, t1 - t, x, dW, dZ)) throwNonFinite(x, sde.dim, k, t1);
    t = t1;
    if ((k + 1) % saveEvery === 0 || k + 1 === K) {
      states.set(x, saved * nd);
      times[saved++] = t1;
    }
  }
  return { x, times, states };
}

function throwNonFinite(x: Float64Array, d: number, k: number, t: number): never {
  let i = 0;
  while (i < x.length && Number.isFinite(x[i])) i++;
  throw new RangeError(
    `integrate: state is not finite after step ${k} (t = ${t}): path ${Math.floor(i / d)}, component ${i % d} = ${x[i]}`,
  );
}

/** Throws unless integrate's arguments fit together; `fn` names the caller. @internal */
export function checkIntegrateArgs(
  fn: string,
  sde: Sde,
  solver: Solver,
  x0: Float64Array,
  path: BrownianSource,
): void {
  if (solver === null || typeof solver !== "object" || typeof solver.stepper !== "function") {
    throw new TypeError(`${fn}: solver must be a Solver, got ${describeValue(solver)}`);
  }
  const cls = noiseClass(sde);
  if (solver.strongOrder[cls] === undefined) {
    throw new TypeError(`${fn}: solver ${solver.name} does not support ${cls} noise`);
  }
  if (cls !== "additive" && (sde.calculus ?? "ito") !== solver.calculus) {
    throw new TypeError(
      `${fn}: solver ${solver.name} is ${solver.calculus} but the sde is ${sde.calculus ?? "ito"} with ${cls} noise`,
    );
  }
  if (
    solver.diffusionDerivative &&
    cls !== "additive" &&
    typeof sde.diffusionDerivative !== "function"
  ) {
    throw new TypeError(
      `${fn}: solver ${solver.name} needs sde.diffusionDerivative for ${cls} noise`,
    );
  }
  if (path === null || typeof path !== "object" || typeof path.increments !== "function") {
    throw new TypeError(`${fn}: path must be a BrownianSource, got ${describeValue(path)}`);
  }
  if (solver.levyArea && !path.levyArea) {
    throw new TypeError(`${fn}: solver ${solver.name} needs a path with levyArea: true`);
  }
  if (path.dim !== sde.noiseDim) {
    throw new RangeError(
      `${fn}: path.dim must equal sde.noiseDim = ${sde.noiseDim}, got ${path.dim}`,
    );
  }
  if (!isFloat64Array(x0)) {
    throw new TypeError(`${fn}: x0 must be a Float64Array, got ${describeValue(x0)}`);
  }
  if (x0.length !== path.paths * sde.dim) {
    throw new RangeError(
      `${fn}: x0 must be a Float64Array of length n·d = ${path.paths * sde.dim}, got length ${x0.length}`,
    );
  }
  for (let i = 0; i < x0.length; i++) {
    if (!Number.isFinite(x0[i]))
      throw new RangeError(`${fn}: x0[${i}] must be a finite number, got ${describeValue(x0[i])}`);
  }
}
