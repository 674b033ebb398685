import { requireFinite, requireFloat64Array, requireInterface } from "../base";
import { createWasmZiggurat, zigguratFill, type WasmZiggurat } from "../fast";
import type { Rng } from "./rng";
import { Xoshiro128 } from "./xoshiro128";
import { ZIG_K32, ZIG_W32, zigguratSlow } from "./ziggurat";

/** The WebAssembly kernel, compiled on first use; null where WebAssembly is unavailable. */
const WASM: { kernel: WasmZiggurat | null | undefined } = { kernel: undefined };

/**
 * $\text{out}_k = \mu + \sigma Z_k$, $Z_k \sim \mathcal N(0, 1)$ i.i.d. by the 256-layer ziggurat.
 * Built for throughput: each normal takes a 32-bit magnitude from one xoshiro128** word, and one
 * more word supplies the layer index (8 bits) and sign (1 bit) of three normals, so a draw costs
 * 4/3 words instead of the 2 of `rng.normal()` (52-bit magnitudes).
 * The bits for magnitude, layer and sign are disjoint (Doornik 2005's fix of Marsaglia-Tsang's
 * correlated layer bits); the law is the same as `normal()`'s up to the magnitude's resolution,
 * $2^{-32}$ of a layer's width. The slow branch (wedge or tail, about 1.5% of draws) is the exact
 * one of `normal()`. The algorithm reads as `bulkZiggurat` (bulk-ziggurat.ts); what runs is its
 * fast twin, bit-identical: in WebAssembly for fills of 64 or more where available (4.3-6.5 vs
 * 7.8-9.6 ns per normal measured here), else the JavaScript loop of src/fast. Other `Rng`
 * implementations are filled by `rng.normal()`.
 * @param rng generator, advanced by the draws
 * @param out buffer to fill, shape (n,); returned
 * @param mean $\mu$, finite (default 0)
 * @param std $\sigma \ge 0$, finite (default 1)
 * @see Marsaglia & Tsang (2000), J. Stat. Softw. 5(8); Doornik (2005), section 3.
 */
export function fillNormal(rng: Rng, out: Float64Array, mean = 0, std = 1): Float64Array {
  const fn = "fillNormal";
  requireInterface(fn, "rng", rng, "an Rng", ["normal"]);
  requireFloat64Array(fn, "out", out);
  requireFinite(fn, "mean", mean);
  requireFinite(fn, "std", std, "a finite number >= 0", (v) => v >= 0);
  const n = out.length;
  if (!(rng instanceof Xoshiro128)) {
    for (let k = 0; k < n; k++) out[k] = mean + std * rng.normal();
    return out;
  }
  const slow = (i: number, x: number, negative: boolean): number =>
    zigguratSlow(rng, i, x, negative);
  if (n >= 64) {
    if (WASM.kernel === undefined) WASM.kernel = createWasmZiggurat(ZIG_K32, ZIG_W32);
    if (WASM.kernel !== null) return WASM.kernel.fill(rng.s, out, mean, std, slow);
  }
  return zigguratFill(rng.s, out, mean, std, ZIG_K32, ZIG_W32, slow);
}
