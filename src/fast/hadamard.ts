import { requireInteger } from "../base";
import { requireArrayOf } from "./check";

/**
 * $g_i \leftarrow g_i\,d_i$ for $i < \text{len}$ (the Hadamard product in place), unrolled by
 * four: the fast twin of `hadamard` (src/nn/layer-ops.ts), one multiplication per entry, so
 * bit-identical (test/fast/hadamard.test.ts). V8 reloads a typed array's length and data pointer
 * after each loop back edge; four entries per trip amortise that.
 * @param g (len,) updated in place
 * @param d (len,) factors
 * @param len an integer ≥ 0
 * @see Goodfellow, Bengio & Courville (2016), Deep Learning, §6.5.3, eq. (6.46) (⊙ in back-propagation)
 */
export function hadamardInPlace(g: Float64Array, d: Float64Array, len: number): void {
  const fn = "hadamardInPlace";
  requireInteger(fn, "len", len, 0);
  requireArrayOf(fn, "g", g, len);
  requireArrayOf(fn, "d", d, len);
  let i = 0;
  for (; i + 3 < len; i += 4) {
    g[i] *= d[i];
    g[i + 1] *= d[i + 1];
    g[i + 2] *= d[i + 2];
    g[i + 3] *= d[i + 3];
  }
  for (; i < len; i++) g[i] *= d[i];
}
