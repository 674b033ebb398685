import { requireInteger, requireInterface } from "../base";
import { fillNormal, type Rng } from "../rng";
import type { BrownianSource } from "./brownian-source";
import { checkIncrementBuffers } from "./checks";
import { checkLevyArea, levyFromU } from "./brownian-path";
import { requireTimeGrid, type TimeGrid } from "./time-grid";

class BrownianStream implements BrownianSource {
  private next = 0;
  private readonly u: Float64Array | null; // (n, m) scratch for ΔU

  constructor(
    private readonly rng: Rng,
    readonly grid: TimeGrid,
    readonly paths: number,
    readonly dim: number,
    readonly levyArea: boolean,
  ) {
    this.u = levyArea ? new Float64Array(paths * dim) : null;
  }

  increments(k: number, dW: Float64Array, dZ: Float64Array | null): void {
    const nm = this.paths * this.dim;
    checkIncrementBuffers(
      "brownianStream.increments",
      k,
      this.grid.steps,
      nm,
      dW,
      dZ,
      this.levyArea,
    );
    if (k !== this.next) {
      throw new RangeError(
        `brownianStream.increments: steps must be read in order; expected k = ${this.next}, got ${k}`,
      );
    }
    this.next++;
    const h = this.grid.at(k + 1) - this.grid.at(k);
    if (!Number.isFinite(h) || h === 0) {
      throw new RangeError(
        `brownianStream.increments: the grid's step t_${k + 1} − t_${k} must be finite and nonzero, got ${h}`,
      );
    }
    const s = Math.sqrt(Math.abs(h));
    fillNormal(this.rng, dW, 0, s);
    if (this.u !== null) {
      fillNormal(this.rng, this.u, 0, s); // drawn even when dZ is not wanted: same path either way
      if (dZ !== null) levyFromU(h, dW, this.u, dZ, 0, nm);
    }
  }
}

/**
 * Brownian increments drawn on demand, step by step: $\Delta W_k = \sqrt{|h_k|}\,\xi$ (and ΔZ as in
 * {@link sampleBrownianPath}, in the same draw order, so a clone of the rng reproduces the stored
 * path). Memory O(n·m), independent of K; read once, in order.
 * @param rng generator, advanced as steps are read (clone it first to replay)
 * @param grid K + 1 times (e.g. `uniformGrid(0, 1, K)`, O(1) memory); a custom TimeGrid's
 *   steps are checked as they are read (finite, nonzero)
 * @param paths n, positive integer
 * @param dim m, positive integer
 * @param options levyArea: also supply ΔZ (a boolean; draws 2·n·m normals per step; default false)
 * @see Kloeden & Platen (1992), §10.4
 */
export function brownianStream(
  rng: Rng,
  grid: TimeGrid,
  paths: number,
  dim: number,
  options: { levyArea?: boolean } = {},
): BrownianSource {
  const fn = "brownianStream";
  requireInterface(fn, "rng", rng, "an Rng", ["normal"]);
  requireTimeGrid(fn, "grid", grid);
  requireInteger(fn, "paths", paths, 1);
  requireInteger(fn, "dim", dim, 1);
  const levyArea = checkLevyArea(fn, options);
  return new BrownianStream(rng, grid, paths, dim, levyArea);
}
