/** Test helpers for brownian tests: per-step sample statistics of (n, m) blocks of a path. */
import type { BrownianPath } from "../../src/brownian";
import type { Rng } from "../../src/rng";

/** Column k of step blocks as a plain array: step k's increments of all n·m coordinates. */
export function stepSlice(a: Float64Array, k: number, nm: number): Float64Array {
  return a.subarray(k * nm, (k + 1) * nm);
}

/** Sample covariance of two equal-length samples (divides by N − 1). */
export function sampleCov(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[i] - mx) * (y[i] - my);
  return s / (n - 1);
}

/** Signed step lengths h_k of a path. */
export function steps(path: BrownianPath): number[] {
  const h: number[] = [];
  for (let k = 0; k < path.steps; k++) h.push(path.times[k + 1] - path.times[k]);
  return h;
}

/**
 * A stand-in generator whose `normal()` returns scripted values (then throws when they run out):
 * with it, a function of (path, normals) that is linear can be probed column by column.
 * Only `normal` is implemented; the other members throw.
 */
export function scriptedRng(normals: ArrayLike<number>): Rng & { used: () => number } {
  let i = 0;
  const no = (): never => {
    throw new Error("scriptedRng: only normal() is scripted");
  };
  return {
    get state(): Uint32Array {
      return no();
    },
    nextUint32: no,
    uniform: no,
    clone: no,
    normal(): number {
      if (i >= normals.length)
        throw new Error(`scriptedRng: asked for normal #${i + 1} of ${normals.length}`);
      return normals[i++];
    },
    used: () => i,
  };
}
