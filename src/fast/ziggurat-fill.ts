import { requireFinite, requireFunction } from "../base";
import { requireArrayOf } from "./check";
import { requireTables, requireXoshiroState, type ZigguratSlow } from "./ziggurat-args";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const imul = Math.imul;

/**
 * $\text{out}_k = \mu + \sigma Z_k$ by the ziggurat with 32-bit magnitudes on a xoshiro128**
 * state: the fast twin of `bulkZiggurat` (src/rng/bulk-ziggurat.ts), with the same words, bits
 * and double arithmetic, so output and final state are bit-identical
 * (test/fast/ziggurat-fill.test.ts). Fast because the generator step is inlined on four local
 * state words and the loop makes no call: a call inside it costs ~2x (V8 then spills the words
 * every iteration). A draw that fails $m < k^{32}_i$ (about 1.5 %) breaks out: the state is
 * written back to `s`, `slow` runs the exact slow branch on the generator that owns `s`, and the
 * loop resumes from `s`.
 * @param s the generator's state words (4,) as int32, read and advanced in place
 * @param out (n,) filled and returned
 * @param mean $\mu$, finite
 * @param std $\sigma$, finite
 * @param k32 (256,) acceptance thresholds $k^{32}_i$ (integers below $2^{32}$)
 * @param w32 (256,) scales $w^{32}_i$: $|Z| = m\,w^{32}_i$ for an accepted magnitude m
 * @param slow the slow branch for layer i, candidate $|x|$ and sign, drawing from the generator
 *   whose state is `s`
 * @see Marsaglia & Tsang (2000), J. Stat. Softw. 5(8); Doornik (2005), section 3;
 *   Blackman & Vigna (2021), ACM TOMS 47(4) (xoshiro128**)
 */
export function zigguratFill(
  s: Int32Array,
  out: Float64Array,
  mean: number,
  std: number,
  k32: Float64Array,
  w32: Float64Array,
  slow: ZigguratSlow,
): Float64Array {
  const fn = "zigguratFill";
  requireXoshiroState(fn, s);
  requireArrayOf(fn, "out", out, 0);
  requireFinite(fn, "mean", mean);
  requireFinite(fn, "std", std);
  requireTables(fn, k32, w32);
  requireFunction(fn, "slow", slow);
  const n = out.length;
  const K = k32;
  const W = w32;
  let s0 = s[0];
  let s1 = s[1];
  let s2 = s[2];
  let s3 = s[3];
  let bits = 0; // layer (8) and sign (1) bits of up to three normals
  let left = 0;
  let k = 0;
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
      out[k] = mean + std * slow(i, m * W[i], sign < 0); // signed
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
