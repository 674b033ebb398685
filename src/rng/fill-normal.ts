import { describeValue, isFloat64Array } from "./describe-value";
import type { Rng } from "./rng";
import { Xoshiro128 } from "./xoshiro128";
import { ZIG_K32, ZIG_W32, zigguratSlow } from "./ziggurat";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const imul = Math.imul;

/**
 * $\text{out}_k = \mu + \sigma Z_k$, $Z_k \sim \mathcal N(0, 1)$ i.i.d. by the 256-layer ziggurat.
 * Built for throughput: each normal takes a 32-bit magnitude from one xoshiro128** word, and one
 * more word supplies the layer index (8 bits) and sign (1 bit) of three normals, so a draw costs
 * 4/3 words instead of the 2 of `rng.normal()` (52-bit magnitudes): measured 1.7-2.2x faster.
 * The bits for magnitude, layer and sign are disjoint (Doornik 2005's fix of Marsaglia-Tsang's
 * correlated layer bits); the law is the same as `normal()`'s up to the magnitude's resolution,
 * $2^{-32}$ of a layer's width. The slow branch (wedge or tail, about 1.2% of draws) is the exact
 * one of `normal()`. Other `Rng` implementations are filled by `rng.normal()`.
 * @param rng generator, advanced by the draws
 * @param out buffer to fill, shape (n,); returned
 * @param mean $\mu$, finite (default 0)
 * @param std $\sigma \ge 0$, finite (default 1)
 * @see Marsaglia & Tsang (2000), J. Stat. Softw. 5(8); Doornik (2005), section 3.
 */
export function fillNormal(rng: Rng, out: Float64Array, mean = 0, std = 1): Float64Array {
  if (rng === null || typeof rng !== "object" || typeof rng.normal !== "function") {
    throw new TypeError(`fillNormal: rng must be an Rng, got ${describeValue(rng)}`);
  }
  if (!isFloat64Array(out)) {
    throw new TypeError(`fillNormal: out must be a Float64Array, got ${describeValue(out)}`);
  }
  if (typeof mean !== "number" || !Number.isFinite(mean)) {
    throw new RangeError(`fillNormal: mean must be a finite number, got ${String(mean)}`);
  }
  if (typeof std !== "number" || !Number.isFinite(std) || std < 0) {
    throw new RangeError(`fillNormal: std must be a finite number >= 0, got ${String(std)}`);
  }
  const n = out.length;
  if (!(rng instanceof Xoshiro128)) {
    for (let k = 0; k < n; k++) out[k] = mean + std * rng.normal();
    return out;
  }
  const s = rng.s;
  const K = ZIG_K32;
  const W = ZIG_W32;
  let s0 = s[0];
  let s1 = s[1];
  let s2 = s[2];
  let s3 = s[3];
  let bits = 0; // layer (8) and sign (1) bits of up to three normals
  let left = 0;
  for (let k = 0; k < n; k++) {
    let r: number;
    let t: number;
    if (left === 0) {
      r = imul(s1, 5); // xoshiro128** step, inlined
      bits = imul((r << 7) | (r >>> 25), 9) >>> 0;
      t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      left = 3;
    }
    r = imul(s1, 5); // magnitude word
    const m = imul((r << 7) | (r >>> 25), 9) >>> 0;
    t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    const i = bits & 255;
    const negative = (bits & 256) !== 0;
    bits >>>= 9;
    left--;
    let z = m * W[i];
    if (m < K[i]) {
      if (negative) z = -z;
    } else {
      s[0] = s0;
      s[1] = s1;
      s[2] = s2;
      s[3] = s3;
      z = zigguratSlow(rng, i, z, negative); // signed
      s0 = s[0];
      s1 = s[1];
      s2 = s[2];
      s3 = s[3];
    }
    out[k] = mean + std * z;
  }
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
  return out;
}
