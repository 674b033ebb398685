/**
 * $A = L L^\top$ for a symmetric positive-definite (d, d) block, and the quantities a Gaussian
 * density needs from it: $\log\det A = 2\sum_i \log L_{ii}$ and $A^{-1} = L^{-\top}L^{-1}$.
 * @internal
 * @see Golub & Van Loan (2013), Matrix Computations, 4th ed., Algorithm 4.2.1
 */
import { describeValue, requireAllFinite, requireFloat64Array, requireInteger } from "../base";

/**
 * Cholesky factor of a[off .. off + d²) into l (d, d) row-major, lower triangle (the lower
 * triangle of the block is read; the block is taken as symmetric); false when a pivot is not a
 * positive finite number: the block is not (numerically) positive definite, or its lower
 * triangle holds NaN or ±Infinity (a non-finite entry reaches a pivot through the recurrence).
 * @param a holds the (d, d) row-major block at off
 * @param off offset of the block, an integer ≥ 0
 * @param d order, a positive integer
 * @param l (d, d) row-major, written
 */
export function cholesky(a: Float64Array, off: number, d: number, l: Float64Array): boolean {
  const fn = "cholesky";
  requireInteger(fn, "off", off, 0);
  requireInteger(fn, "d", d, 1);
  requireFloat64Array(fn, "a", a, { min: off + d * d });
  requireFloat64Array(fn, "l", l, { min: d * d });
  l.fill(0);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[off + i * d + j];
      for (let k = 0; k < j; k++) s -= l[i * d + k] * l[j * d + k];
      if (i === j) {
        if (!(s > 0 && s < Infinity)) return false;
        l[i * d + i] = Math.sqrt(s);
      } else {
        l[i * d + j] = s / l[j * d + j];
      }
    }
  }
  return true;
}

/**
 * $\log\det A = 2\sum_i \log L_{ii}$ from the factor l (d, d) row-major, whose d² entries must
 * be finite with a positive diagonal (what {@link cholesky} writes when it returns true).
 */
export function logDetFromCholesky(l: Float64Array, d: number): number {
  requireFactor("logDetFromCholesky", l, d);
  let s = 0;
  for (let i = 0; i < d; i++) s += Math.log(l[i * d + i]);
  return 2 * s;
}

/**
 * $A^{-1} = L^{-\top}L^{-1}$ into out[off .. off + d²) (d, d) row-major, from the factor l (d, d)
 * (finite, positive diagonal).
 */
export function inverseFromCholesky(
  l: Float64Array,
  d: number,
  out: Float64Array,
  off: number,
): void {
  const fn = "inverseFromCholesky";
  requireFactor(fn, l, d);
  requireInteger(fn, "off", off, 0);
  requireFloat64Array(fn, "out", out, { min: off + d * d });
  const e = new Float64Array(d); // column j of the identity, then of A^{-1}
  for (let j = 0; j < d; j++) {
    e.fill(0);
    e[j] = 1;
    for (let i = 0; i < d; i++) {
      // forward: L y = e_j
      let s = e[i];
      for (let k = 0; k < i; k++) s -= l[i * d + k] * e[k];
      e[i] = s / l[i * d + i];
    }
    for (let i = d - 1; i >= 0; i--) {
      // backward: Lᵀ z = y
      let s = e[i];
      for (let k = i + 1; k < d; k++) s -= l[k * d + i] * e[k];
      e[i] = s / l[i * d + i];
    }
    for (let i = 0; i < d; i++) out[off + i * d + j] = e[i];
  }
}

/** Throws unless l is a (d, d) Cholesky factor: d² finite values, positive diagonal. */
function requireFactor(fn: string, l: Float64Array, d: number): void {
  requireInteger(fn, "d", d, 1);
  requireFloat64Array(fn, "l", l, { min: d * d });
  requireAllFinite(fn, "l", l, d * d);
  for (let i = 0; i < d; i++) {
    if (!(l[i * d + i] > 0)) {
      throw new RangeError(
        `${fn}: l must have a positive diagonal (a Cholesky factor), got l[${i}, ${i}] = ${describeValue(l[i * d + i])}`,
      );
    }
  }
}
