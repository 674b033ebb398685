/**
 * $s \cdot \frac{p_{n+1} z^{n+1} + p_0 z^n + \dots + p_n}{z^{n+1} + q_0 z^n + \dots + q_n}$ in the
 * coefficient layout and evaluation order of Cody's SPECFUN routines (CALERF, ANORM): n = q.length − 1,
 * p holds n + 2 coefficients, the leading one last. The scale s multiplies the numerator before
 * the division, as the Fortran does, so callers keep its rounding exactly.
 * @internal
 * @param p numerator coefficients, (n + 2,)
 * @param q denominator coefficients, (n + 1,)
 * @param z the argument
 * @param s scale of the numerator
 * @see W. J. Cody (1969), Math. Comp. 23(107), 631-637; SPECFUN (ACM TOMS Algorithm 715, 1993).
 */
export function codyRational(
  p: readonly number[],
  q: readonly number[],
  z: number,
  s: number,
): number {
  const n = q.length - 1;
  let num = p[n + 1] * z;
  let den = z;
  for (let i = 0; i < n; i++) {
    num = (num + p[i]) * z;
    den = (den + q[i]) * z;
  }
  return (s * (num + p[n])) / (den + q[n]);
}
