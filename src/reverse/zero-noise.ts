import { describeValue } from "../base";
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
  if (
    grid === null ||
    typeof grid !== "object" ||
    typeof grid.at !== "function" ||
    !Number.isInteger(grid.steps)
  ) {
    throw new TypeError(`zeroNoise: grid must be a TimeGrid, got ${describeValue(grid)}`);
  }
  for (const [name, v] of [
    ["paths", paths],
    ["dim", dim],
  ] as const) {
    if (!Number.isInteger(v) || v < 1)
      throw new RangeError(`zeroNoise: ${name} must be a positive integer, got ${v}`);
  }
  return Object.freeze({
    grid,
    paths,
    dim,
    levyArea: true,
    increments(_k: number, dW: Float64Array, dZ: Float64Array | null): void {
      dW.fill(0);
      if (dZ !== null) dZ.fill(0);
    },
  });
}
