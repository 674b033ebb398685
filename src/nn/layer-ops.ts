/**
 * Row and element operations of the MLP passes on (n, w) row-major batches, the reference
 * versions. The MLP runs their unrolled twins from src/fast (`addBlock`, `hadamardInPlace`): the
 * same additions and multiplications in the same order, so bit-identical
 * (test/fast/add-block.test.ts, test/fast/hadamard.test.ts).
 * @internal
 * @see Goodfellow, Bengio & Courville (2016), Deep Learning, §6.5, Algorithms 6.3–6.4
 */

/** $Z_{rj} \mathrel{+}= b_j$: the bias b = p[off .. off + w) added to every row of out (n, w). @internal */
export function addBias(
  out: Float64Array,
  p: Float64Array,
  off: number,
  n: number,
  w: number,
): void {
  for (let r = 0; r < n; r++) for (let j = 0; j < w; j++) out[r * w + j] += p[off + j];
}

/** $g_i \mathrel{*}= d_i$ for $i < \text{len}$ (the Hadamard product, in place). @internal */
export function hadamard(g: Float64Array, d: Float64Array, len: number): void {
  for (let i = 0; i < len; i++) g[i] *= d[i];
}

/** $\text{grad}_{\text{off}+j} \mathrel{+}= \sum_r g_{rj}$ for g (n, w), rows added in order. @internal */
export function columnSums(
  g: Float64Array,
  grad: Float64Array,
  off: number,
  n: number,
  w: number,
): void {
  for (let r = 0; r < n; r++) for (let j = 0; j < w; j++) grad[off + j] += g[r * w + j];
}
