import { describeValue, isFloat64Array } from "../base";

/**
 * The symmetric Σ with $A\Sigma + \Sigma A^\top + Q = 0$ for 2 × 2 matrices, in closed form:
 * the three equations for $(\Sigma_{11}, \Sigma_{12}, \Sigma_{22})$ have determinant
 * $4\operatorname{tr}(A)\det(A)$ and are solved by Cramer's rule. For a stable A (tr < 0, det > 0)
 * and $Q = g g^\top$, Σ is the stationary covariance of $dX = AX\,dt + g\,dW$.
 * @param a - A, shape (2, 2) row-major, with $\operatorname{tr}A \ne 0$ and $\det A \ne 0$.
 * @param q - Q, shape (2, 2) row-major, symmetric.
 * @returns Σ, shape (2, 2) row-major, symmetric.
 * @see C. W. Gardiner (2009), Stochastic Methods, 4th ed., the multivariate Ornstein–Uhlenbeck
 *   process (stationary covariance from the Lyapunov equation; section and equation numbers not
 *   checked against the edition).
 */
export function lyapunov2(a: Float64Array, q: Float64Array): Float64Array {
  const fn = "lyapunov2";
  for (const [name, m] of [
    ["a", a],
    ["q", q],
  ] as const) {
    const what = `${fn}: ${name} must be a finite Float64Array of shape (2, 2), got`;
    if (!isFloat64Array(m)) throw new TypeError(`${what} ${describeValue(m)}`);
    if (m.length !== 4 || !m.every(Number.isFinite)) {
      throw new RangeError(`${what} ${m.length === 4 ? `[${m.join(", ")}]` : describeValue(m)}`);
    }
  }
  if (q[1] !== q[2])
    throw new RangeError(`${fn}: q must be symmetric, got q12 = ${q[1]}, q21 = ${q[2]}`);
  const [a11, a12, a21, a22] = a;
  const tr = a11 + a22;
  const det = a11 * a22 - a12 * a21;
  if (tr === 0 || det === 0) {
    throw new RangeError(
      `${fn}: A must have tr A ≠ 0 and det A ≠ 0 for a unique solution, got tr = ${tr}, det = ${det}`,
    );
  }
  // M s = −(q11, q12, q22) with M = [[2a11, 2a12, 0], [a21, tr, a12], [0, 2a21, 2a22]]
  const r1 = -q[0];
  const r2 = -q[1];
  const r3 = -q[3];
  const D = 4 * tr * det;
  const s11 = (r1 * (tr * 2 * a22 - 2 * a12 * a21) - 2 * a12 * (r2 * 2 * a22 - a12 * r3)) / D;
  const s12 = (2 * a11 * (r2 * 2 * a22 - a12 * r3) - r1 * (a21 * 2 * a22)) / D;
  const s22 = (2 * a11 * (tr * r3 - 2 * a21 * r2) - 2 * a12 * (a21 * r3) + r1 * 2 * a21 * a21) / D;
  return Float64Array.of(s11, s12, s12, s22);
}
