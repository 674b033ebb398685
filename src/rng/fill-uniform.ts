import { requireFloat64Array, requireInterface } from "../base";
import type { Rng } from "./rng";

/**
 * $\text{out}_k \sim U(0, 1)$ i.i.d., each exactly `rng.uniform()` in turn (open interval, 53 bits).
 * @param rng generator, advanced by the draws
 * @param out buffer to fill, shape (n,); returned
 * @see D. Blackman & S. Vigna (2021), ACM Trans. Math. Softw. 47(4), section 10 (uniform doubles
 *   from the upper 53 bits).
 */
export function fillUniform(rng: Rng, out: Float64Array): Float64Array {
  requireInterface("fillUniform", "rng", rng, "an Rng", ["uniform"]);
  requireFloat64Array("fillUniform", "out", out);
  for (let k = 0; k < out.length; k++) out[k] = rng.uniform();
  return out;
}
