import { describeValue, requireInteger, requirePoints } from "../base";
import { BrownianPath } from "../brownian";
import { addNoise, stepShape } from "./noise-product";
import { checkSde, type Sde } from "./sde";

/** What {@link picardIteration} returns. */
export interface PicardResult {
  /** (K + 1) the path's times $t_0..t_K$ */
  times: Float64Array;
  /** (K + 1, n, d) time-major: the last iterate $X^{(k)}$ at every time */
  states: Float64Array;
  /**
   * (iterations) $\delta_k = \max_{j, r, i}|X^{(k)}_{t_j} - X^{(k-1)}_{t_j}|$, k = 1..iterations:
   * the iterates' sup-distances (over times, paths and components)
   */
  distances: Float64Array;
}

/**
 * $X^{(k+1)}_{t_j} = x_0 + \sum_{i<j} f(t_i, X^{(k)}_{t_i})\,h_i + g(t_i, X^{(k)}_{t_i})\,\Delta W_i$,
 * $X^{(0)} \equiv x_0$: Picard's iteration, the map of the existence proof, on one fixed stored
 * Brownian path, its integrals as left-point (Itô) sums on the path's grid. With $f$, $g$
 * Lipschitz the iterates converge; for additive noise and $|f(t,x) - f(t,y)| \le L|x - y|$,
 * $\sup_t|X^{(k+1)} - X^{(k)}| \le \delta_1 (L(t_K - t_0))^k/k!$ on every path (the proof's bound;
 * left sums of increasing integrands stay below the integrals). On a K-step grid iterate K is
 * Euler–Maruyama's solution exactly ($X^{(k)}_{t_j}$ is final for j ≤ k). A non-Lipschitz drift is
 * not an error; an iterate that stops being finite throws a RangeError naming the iterate and time.
 * @param sde the SDE, diagonal or general noise (Itô)
 * @param x0 (n, d) row-major starting states, n = path.paths
 * @param path a stored BrownianPath (read once per iterate), n paths of dimension m
 * @param iterations number of iterates after $X^{(0)}$, a positive integer
 * @returns times (K + 1), the last iterate's states (K + 1, n, d), distances (iterations)
 * @see Øksendal (2003), Stochastic Differential Equations, 6th ed., Thm 5.2.1 (proof, eq. (5.2.11))
 */
export function picardIteration(
  sde: Sde,
  x0: Float64Array,
  path: BrownianPath,
  iterations: number,
): PicardResult {
  const fn = "picardIteration";
  checkSde(fn, sde);
  if (!(path instanceof BrownianPath)) {
    throw new TypeError(`${fn}: path must be a stored BrownianPath, got ${describeValue(path)}`);
  }
  if (path.dim !== sde.noiseDim) {
    throw new RangeError(
      `${fn}: path.dim must equal sde.noiseDim = ${sde.noiseDim}, got ${path.dim}`,
    );
  }
  const d = sde.dim;
  const n = requirePoints(fn, "x0", x0, d, { finite: true });
  if (n !== path.paths) {
    throw new RangeError(`${fn}: x0 must hold n = path.paths = ${path.paths} rows, got ${n}`);
  }
  const iters = requireInteger(fn, "iterations", iterations, 1);
  const K = path.steps;
  const m = path.dim;
  const nd = n * d;
  const shape = stepShape(sde, n);
  const f = new Float64Array(nd); // (n, d)
  const g = new Float64Array(shape.gSize);
  const acc = new Float64Array(nd); // (n, d) running sum x0 + Σ_{i<j}
  let prev = new Float64Array((K + 1) * nd); // (K + 1, n, d) X^{(k)}
  let next = new Float64Array((K + 1) * nd);
  for (let j = 0; j <= K; j++) prev.set(x0.subarray(0, nd), j * nd);
  const distances = new Float64Array(iters);
  const times = Float64Array.from(path.times);
  for (let k = 0; k < iters; k++) {
    acc.set(x0.subarray(0, nd));
    next.set(acc, 0);
    let delta = 0;
    for (let j = 0; j < K; j++) {
      const xj = prev.subarray(j * nd, (j + 1) * nd);
      const h = times[j + 1] - times[j];
      sde.drift(times[j], xj, f, n);
      sde.diffusion(times[j], xj, g, shape.rows);
      for (let i = 0; i < nd; i++) acc[i] += f[i] * h;
      addNoise(acc, g, shape.rows === 1, path.dW.subarray(j * n * m), 1, n, d, m, shape.diagonal);
      const o = (j + 1) * nd;
      for (let i = 0; i < nd; i++) {
        const v = acc[i];
        if (!Number.isFinite(v)) {
          throw new RangeError(
            `${fn}: iterate ${k + 1} is not finite at step ${j + 1} (t = ${times[j + 1]}): path ${Math.floor(i / d)}, component ${i % d} = ${v}`,
          );
        }
        next[o + i] = v;
        const gap = Math.abs(v - prev[o + i]);
        if (gap > delta) delta = gap;
      }
    }
    distances[k] = delta;
    [prev, next] = [next, prev];
  }
  return { times, states: prev, distances };
}
