import { addRun } from "../fast";

/** Row and element operations of the MLP passes, on (n, w) row-major batches. */

/** Adds b[off .. off + w) to every row of out (n, w). @internal */
export function addBias(
  out: Float64Array,
  p: Float64Array,
  off: number,
  n: number,
  w: number,
): void {
  for (let r = 0; r < n; r++) addRun(out, r * w, p, off, w);
}

/** g[i] *= d[i], i < len (unrolled by four, as addRun). @internal */
export function hadamard(g: Float64Array, d: Float64Array, len: number): void {
  let i = 0;
  for (; i + 3 < len; i += 4) {
    g[i] *= d[i];
    g[i + 1] *= d[i + 1];
    g[i + 2] *= d[i + 2];
    g[i + 3] *= d[i + 3];
  }
  for (; i < len; i++) g[i] *= d[i];
}

/** grad[off + j] += Σ_r g[r, j] for g (n, w), rows added in order. @internal */
export function columnSums(
  g: Float64Array,
  grad: Float64Array,
  off: number,
  n: number,
  w: number,
): void {
  for (let r = 0; r < n; r++) addRun(grad, off, g, r * w, w);
}
