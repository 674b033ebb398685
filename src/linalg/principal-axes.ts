import { describeValue, isFloat64Array } from "../base";

/** The principal axes of a constant diffusion matrix $\tfrac12 g g^\top$ in two dimensions. */
export interface PrincipalAxes {
  /**
   * Rotation Q, shape (2, 2) row-major, columns the eigenvectors: $x = Q\xi$, $\xi = Q^\top x$.
   */
  readonly rotation: Float64Array;
  /** $D_1 \ge D_2 > 0$, the eigenvalues of $\tfrac12 g g^\top$: $\xi_k$ diffuses with $D_k$ */
  readonly d: readonly [number, number];
}

/**
 * $\tfrac12 g g^\top = Q \operatorname{diag}(D_1, D_2) Q^\top$ with Q the rotation by
 * $\varphi = \tfrac12\operatorname{atan2}(2 S_{12}, S_{11} - S_{22})$, $S = \tfrac12 g g^\top$.
 * In $\xi = Q^\top x$ the noise is uncorrelated, so the mixed derivative disappears.
 * @param g - constant diffusion matrix, shape (2, m) row-major, m ≥ 1, with rank 2.
 * @returns Q (2, 2) and $(D_1, D_2)$.
 * @see G. H. Golub & C. F. Van Loan (2013), §8.5.2 (the symmetric 2 × 2 Schur decomposition).
 */
export function principalAxes(g: Float64Array): PrincipalAxes {
  const fn = "principalAxes";
  if (!isFloat64Array(g)) {
    throw new TypeError(`${fn}: g must be a Float64Array of shape (2, m), got ${describeValue(g)}`);
  }
  if (g.length < 2 || g.length % 2 !== 0) {
    throw new RangeError(
      `${fn}: g must have shape (2, m), an even length ≥ 2, got length ${g.length}`,
    );
  }
  const m = g.length / 2;
  let s11 = 0;
  let s12 = 0;
  let s22 = 0;
  for (let k = 0; k < m; k++) {
    if (!Number.isFinite(g[k]) || !Number.isFinite(g[m + k])) {
      throw new RangeError(`${fn}: g must be finite, got g[·, ${k}] = (${g[k]}, ${g[m + k]})`);
    }
    s11 += 0.5 * g[k] * g[k];
    s12 += 0.5 * g[k] * g[m + k];
    s22 += 0.5 * g[m + k] * g[m + k];
  }
  const phi = 0.5 * Math.atan2(2 * s12, s11 - s22);
  const c = Math.cos(phi);
  const s = Math.sin(phi);
  const d1 = c * c * s11 + 2 * c * s * s12 + s * s * s22;
  const d2 = s * s * s11 - 2 * c * s * s12 + c * c * s22;
  // relative threshold: below ~1e-12 of the trace the rotated operator would be numerically singular
  if (!(d2 > 1e-12 * (s11 + s22))) {
    throw new RangeError(
      `${fn}: g gᵀ must be positive definite (noise in both directions), got eigenvalues ${2 * d1}, ${2 * d2}`,
    );
  }
  return Object.freeze({ rotation: Float64Array.of(c, -s, s, c), d: [d1, d2] as const });
}
