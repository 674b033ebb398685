import type { Xoshiro128 } from "./xoshiro128";
import { ZIG_K32, ZIG_W32, zigguratSlow } from "./ziggurat";

/**
 * $\text{out}_k = \mu + \sigma Z_k$ by the ziggurat with 32-bit magnitudes, draw by draw: the
 * reference version of the bulk normal fill. Per group of three normals one xoshiro128** word
 * gives the layer (8 bits) and sign (1 bit) of each; each normal takes one more word as its
 * magnitude $m$, and $|Z| = m\,w^{32}_i$ when $m < k^{32}_i$, else the exact slow branch.
 * `fillNormal` (which validates) runs the fast twins, `zigguratFill` (src/fast/ziggurat-fill.ts:
 * the generator inlined, no call in the loop) and `createWasmZiggurat` (src/fast/ziggurat-wasm.ts),
 * both bit-identical to this loop in output and final state (test/fast/ziggurat-*.test.ts).
 * @internal
 * @param rng generator, advanced by the draws
 * @param out (n,) filled and returned
 * @param mean $\mu$
 * @param std $\sigma$
 * @see Marsaglia & Tsang (2000), J. Stat. Softw. 5(8); Doornik (2005), section 3.
 */
export function bulkZiggurat(
  rng: Xoshiro128,
  out: Float64Array,
  mean: number,
  std: number,
): Float64Array {
  let bits = 0; // layer (8) and sign (1) bits of the next normals of the group
  let left = 0; // normals left in the group
  for (let k = 0; k < out.length; k++) {
    if (left === 0) {
      bits = rng.nextUint32();
      left = 3;
    }
    const m = rng.nextUint32(); // magnitude
    const i = bits & 255; // layer
    const negative = (bits & 256) !== 0; // sign
    bits >>>= 9;
    left--;
    const x = m * ZIG_W32[i];
    const z = m < ZIG_K32[i] ? (negative ? -x : x) : zigguratSlow(rng, i, x, negative);
    out[k] = mean + std * z;
  }
  return out;
}
