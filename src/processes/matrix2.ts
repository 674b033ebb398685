/** 2×2 matrices stored row-major as [a, b, c, d], for CLD's per-coordinate blocks. @internal */

/** $e^{\tau A}$ for a 2×2 A via Cayley–Hamilton: $e^{s\tau}[c\,I + k(A - sI)]$. @internal */
export function expm2(A: number[], tau: number): number[] {
  if (tau === Infinity) return [0, 0, 0, 0]; // A is Hurwitz (trace < 0, det > 0)
  const s = 0.5 * (A[0] + A[3]);
  const q2 = s * s - (A[0] * A[3] - A[1] * A[2]);
  const q = Math.sqrt(Math.abs(q2));
  let c: number;
  let k: number; // sinh(qτ)/q, sin(qτ)/q, or τ at critical damping
  if (q * tau < 1e-8) [c, k] = [1, tau];
  else if (q2 > 0) [c, k] = [Math.cosh(q * tau), Math.sinh(q * tau) / q];
  else [c, k] = [Math.cos(q * tau), Math.sin(q * tau) / q];
  const e = Math.exp(s * tau);
  return [e * (c + k * (A[0] - s)), e * k * A[1], e * k * A[2], e * (c + k * (A[3] - s))];
}

/** a·b. @internal */
export function mul2(a: number[], b: number[]): number[] {
  return [
    a[0] * b[0] + a[1] * b[2],
    a[0] * b[1] + a[1] * b[3],
    a[2] * b[0] + a[3] * b[2],
    a[2] * b[1] + a[3] * b[3],
  ];
}

/** a + b. @internal */
export function add2(a: number[], b: number[]): number[] {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]];
}

/** a − b. @internal */
export function sub2(a: number[], b: number[]): number[] {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2], a[3] - b[3]];
}

/** aᵀ. @internal */
export function transpose2(a: number[]): number[] {
  return [a[0], a[2], a[1], a[3]];
}
