import { cholesky, inverseFromCholesky, logDetFromCholesky } from "../linalg";
import { requireFinite, requireFiniteArray } from "../base";

/**
 * $\mathrm{KL}(\mathcal N(\mu_0,\Sigma_0)\,\|\,\mathcal N(\mu_1,\Sigma_1)) = \tfrac12\big[\operatorname{tr}(\Sigma_1^{-1}\Sigma_0)
 * + (\mu_1-\mu_0)^\top\Sigma_1^{-1}(\mu_1-\mu_0) - d + \log\tfrac{\det\Sigma_1}{\det\Sigma_0}\big]$ in nats,
 * by Cholesky factors (both covariances must be symmetric positive definite).
 * @param mean0 (d) $\mu_0$
 * @param cov0 (d, d) row-major $\Sigma_0$
 * @param mean1 (d) $\mu_1$
 * @param cov1 (d, d) row-major $\Sigma_1$
 * @see Kullback (1959), Information Theory and Statistics; Rasmussen & Williams (2006), eq. (A.23)
 */
export function gaussianKl(
  mean0: Float64Array,
  cov0: Float64Array,
  mean1: Float64Array,
  cov1: Float64Array,
): number {
  const fn = "gaussianKl";
  const d = requireFiniteArray(fn, "mean0", mean0, { min: 1 }).length;
  requireFiniteArray(fn, "cov0", cov0, d * d);
  requireFiniteArray(fn, "mean1", mean1, d);
  requireFiniteArray(fn, "cov1", cov1, d * d);
  const l0 = new Float64Array(d * d); // (d, d)
  const l1 = new Float64Array(d * d); // (d, d)
  if (!cholesky(cov0, 0, d, l0)) throw new RangeError(`${fn}: cov0 must be positive definite`);
  if (!cholesky(cov1, 0, d, l1)) throw new RangeError(`${fn}: cov1 must be positive definite`);
  const p1 = new Float64Array(d * d); // (d, d) Σ₁⁻¹
  inverseFromCholesky(l1, d, p1, 0);
  let trace = 0;
  let quad = 0;
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      trace += p1[i * d + j] * cov0[j * d + i];
      quad += (mean1[i] - mean0[i]) * p1[i * d + j] * (mean1[j] - mean0[j]);
    }
  }
  return 0.5 * (trace + quad - d + logDetFromCholesky(l1, d) - logDetFromCholesky(l0, d));
}

/**
 * $\mathrm{KL}(\mathcal N(m_0, v_0)\,\|\,\mathcal N(m_1, v_1)) = \tfrac12\big[\log\tfrac{v_1}{v_0} + \tfrac{v_0 + (m_0 - m_1)^2}{v_1} - 1\big]$,
 * the scalar case of {@link gaussianKl}.
 * @param mean0 $m_0$ @param var0 $v_0 > 0$ @param mean1 $m_1$ @param var1 $v_1 > 0$
 * @see Kingma & Welling (2014), ICLR, Appendix B
 */
export function normalKl(mean0: number, var0: number, mean1: number, var1: number): number {
  const fn = "normalKl";
  requireFinite(fn, "mean0", mean0, "a finite number");
  requireFinite(fn, "var0", var0, "a finite number > 0", (v) => v > 0);
  requireFinite(fn, "mean1", mean1, "a finite number");
  requireFinite(fn, "var1", var1, "a finite number > 0", (v) => v > 0);
  const r = var0 / var1;
  return 0.5 * (r - 1 - Math.log(r) + (mean0 - mean1) ** 2 / var1);
}
