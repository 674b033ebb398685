import { describeValue } from "../base";
import { requireArrayOf } from "./check";

/**
 * What the two ziggurat kernels (ziggurat-fill.ts, ziggurat-wasm.ts) take besides the output: a
 * xoshiro128** state as four int32 words, the 256-layer tables $k^{32}$ and $w^{32}$, and the
 * exact slow branch as a callback, so that src/fast needs nothing from src/rng. @internal
 * @see Marsaglia & Tsang (2000), J. Stat. Softw. 5(8), the `nfix` listing (slow branch)
 */

/**
 * The slow branch for layer `i` after the fast test failed: returns $\pm$ a normal draw
 * (`negative` gives the sign), drawing from the generator that owns the kernel's state words.
 */
export type ZigguratSlow = (i: number, x: number, negative: boolean) => number;

/** Number of layers of the tables. */
export const ZIGGURAT_LAYERS = 256;

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const I32 = Int32Array;

/** Throws unless `s` is an Int32Array of length 4 (xoshiro128**'s state words). */
export function requireXoshiroState(fn: string, s: unknown): void {
  const ok = s instanceof I32 || Object.prototype.toString.call(s) === "[object Int32Array]";
  if (!ok)
    throw new TypeError(`${fn}: s must be an Int32Array of 4 state words, got ${describeValue(s)}`);
  if ((s as Int32Array).length !== 4) {
    throw new RangeError(`${fn}: s must have length 4, got ${(s as Int32Array).length}`);
  }
}

/** Throws unless k32 and w32 are Float64Arrays of at least 256 entries. */
export function requireTables(fn: string, k32: unknown, w32: unknown): void {
  requireArrayOf(fn, "k32", k32, ZIGGURAT_LAYERS);
  requireArrayOf(fn, "w32", w32, ZIGGURAT_LAYERS);
}
