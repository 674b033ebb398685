import { describeValue } from "../base";
import { fillNormal, type Rng } from "../rng";
import type { BrownianSource } from "./brownian-source";
import { checkCount, checkIncrementBuffers } from "./checks";
import { levyFromU } from "./brownian-path";
import type { TimeGrid } from "./time-grid";

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
 * @param grid K + 1 times (e.g. `uniformGrid(0, 1, K)`, O(1) memory)
 * @param paths n, positive integer
 * @param dim m, positive integer
 * @param options levyArea: also supply ΔZ (draws 2·n·m normals per step; default false)
 * @see Kloeden & Platen (1992), §10.4
 */
export function brownianStream(
  rng: Rng,
  grid: TimeGrid,
  paths: number,
  dim: number,
  options: { levyArea?: boolean } = {},
): BrownianSource {
  if (rng === null || typeof rng !== "object" || typeof rng.normal !== "function") {
    throw new TypeError(`brownianStream: rng must be an Rng, got ${describeValue(rng)}`);
  }
  if (
    grid === null ||
    typeof grid !== "object" ||
    typeof grid.at !== "function" ||
    !Number.isInteger(grid.steps)
  ) {
    throw new TypeError(`brownianStream: grid must be a TimeGrid, got ${describeValue(grid)}`);
  }
  checkCount("brownianStream", "paths", paths);
  checkCount("brownianStream", "dim", dim);
  const levyArea = options.levyArea ?? false;
  if (typeof levyArea !== "boolean") {
    throw new TypeError(
      `brownianStream: options.levyArea must be a boolean, got ${describeValue(levyArea)}`,
    );
  }
  return new BrownianStream(rng, grid, paths, dim, levyArea);
}
