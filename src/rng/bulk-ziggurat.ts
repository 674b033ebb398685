import type { Xoshiro128 } from "./xoshiro128";
import { ZIG_K32, ZIG_W32, zigguratSlow } from "./ziggurat";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const imul = Math.imul;

/**
 * $\text{out}_k = \mu + \sigma Z_k$ by the ziggurat with 32-bit magnitudes: the JavaScript loop
 * behind `fillNormal` (which validates). Per group of three normals one xoshiro128** word gives
 * the layer (8 bits) and sign (1 bit) of each, and each normal takes one more word as its
 * magnitude $m$; $|Z| = m\,w^{32}_i$ when $m < k^{32}_i$, else the exact slow branch.
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
  const n = out.length;
  const s = rng.s;
  const K = ZIG_K32;
  const W = ZIG_W32;
  let s0 = s[0];
  let s1 = s[1];
  let s2 = s[2];
  let s3 = s[3];
  let bits = 0; // layer (8) and sign (1) bits of up to three normals
  let left = 0;
  let k = 0;
  // The fast loop makes no calls (a call inside it costs ~2x: V8 then spills the state words
  // every iteration); it breaks out at a draw that needs the slow branch, handled below.
  while (k < n) {
    let i = 0; // layer of the draw that broke out
    let m = 0; // its 32-bit magnitude
    let sign = 1;
    for (; k < n; k++) {
      let r: number;
      let t: number;
      if (left === 0) {
        r = imul(s1, 5); // xoshiro128** step, inlined
        bits = imul((r << 7) | (r >>> 25), 9);
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
      m = imul((r << 7) | (r >>> 25), 9) >>> 0;
      t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      i = bits & 255;
      sign = 1 - ((bits >>> 7) & 2); // bit 8: −1 when set; branch-free (the sign is a coin flip)
      bits >>>= 9;
      left--;
      if (m >= K[i]) break;
      out[k] = mean + std * (m * W[i] * sign);
    }
    if (k < n) {
      s[0] = s0;
      s[1] = s1;
      s[2] = s2;
      s[3] = s3;
      out[k] = mean + std * zigguratSlow(rng, i, m * W[i], sign < 0); // signed
      s0 = s[0];
      s1 = s[1];
      s2 = s[2];
      s3 = s[3];
      k++;
    }
  }
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
  return out;
}
