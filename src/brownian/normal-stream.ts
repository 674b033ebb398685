import { describeValue, isFloat64Array } from "../base";
import { fillNormal, type Rng } from "../rng";

/**
 * $\xi_1, \xi_2, \dots$ i.i.d. $\mathcal N(0, 1)$, read in blocks and in order: the noise of a
 * sampler that is not a Brownian increment on a time grid (DDPM's $z$, a Langevin step's $\xi$).
 * Samplers read it and never draw noise themselves, as solvers read a `BrownianSource`.
 */
export interface NormalStream {
  /**
   * Writes the next `out.length` standard normals into out, in order, and returns it.
   * @param out (any layout) buffer to fill
   */
  normals(out: Float64Array): Float64Array;
}

/**
 * The standard normals of `rng`, drawn on demand: `normals(out)` is `fillNormal(rng, out)`, so a
 * sampler that reads blocks $z_1, z_2, \dots$ gets exactly what `fillNormal(rng, z_1)`,
 * `fillNormal(rng, z_2)`, … would give, and other draws from the same rng interleave as they
 * would with direct calls (the stream holds no buffer).
 * @param rng generator, advanced as blocks are read (clone it first to replay)
 * @see Marsaglia & Tsang (2000), J. Stat. Softw. 5(8) (the ziggurat behind `fillNormal`)
 */
export function normalStream(rng: Rng): NormalStream {
  if (rng === null || typeof rng !== "object" || typeof rng.normal !== "function") {
    throw new TypeError(`normalStream: rng must be an Rng, got ${describeValue(rng)}`);
  }
  return Object.freeze({
    normals(out: Float64Array): Float64Array {
      if (!isFloat64Array(out)) {
        throw new TypeError(
          `normalStream.normals: out must be a Float64Array, got ${describeValue(out)}`,
        );
      }
      return fillNormal(rng, out);
    },
  });
}
