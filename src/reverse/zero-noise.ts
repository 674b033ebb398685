import { requireFloat64Array, requireIndex, requireInteger, requireInterface } from "../base";
import type { BrownianSource, TimeGrid } from "../brownian";

/**
 * $\Delta W_k = 0$ (and $\Delta Z_k = 0$) on every step: the Brownian source of an ODE written as
 * an Sde with g = 0 (e.g. {@link probabilityFlow}); it draws nothing.
 * @param grid the time grid (either direction)
 * @param paths n, positive integer
 * @param dim m, positive integer
 * @see Y. Song et al. (2021), "Score-Based Generative Modeling through SDEs", ICLR, §4.3 (the
 *   probability-flow ODE, the g = 0 case the solvers integrate with this source).
 */
export function zeroNoise(grid: TimeGrid, paths: number, dim: number): BrownianSource {
  const fn = "zeroNoise";
  requireInterface(fn, "grid", grid, "a TimeGrid (uniformGrid, gridFromTimes)", ["at"]);
  requireInteger(fn, "grid.steps", grid.steps, 1);
  requireInteger(fn, "paths", paths, 1);
  requireInteger(fn, "dim", dim, 1);
  const K = grid.steps;
  const nm = paths * dim;
  return Object.freeze({
    grid,
    paths,
    dim,
    levyArea: true,
    increments(k: number, dW: Float64Array, dZ: Float64Array | null): void {
      const name = `${fn}.increments`;
      requireIndex(name, "k", k, K, "K");
      requireFloat64Array(name, "dW", dW, nm);
      if (dZ !== null) requireFloat64Array(name, "dZ", dZ, nm);
      dW.fill(0);
      if (dZ !== null) dZ.fill(0);
    },
  });
}
