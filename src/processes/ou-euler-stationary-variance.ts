import { requireFinite, requirePositive } from "../base";

/**
 * $v_h = \sigma^2/(\theta(2 - \theta h))$: the stationary variance of the Euler–Maruyama chain
 * $X_{k+1} = (1 - \theta h)X_k + \sigma\,\Delta W_k$ of $dX = -\theta X\,dt + \sigma\,dW$ (the fixed
 * point of $v = (1 - \theta h)^2 v + \sigma^2 h$), which exists iff $|1 - \theta h| < 1$, i.e.
 * $0 < h < 2/\theta$. It exceeds the exact $\sigma^2/(2\theta)$ by the factor $1/(1 - \theta h/2)$:
 * a bias of first order in h, the EM weak order.
 * @param theta θ > 0
 * @param sigma σ > 0
 * @param h step Δt in (0, 2/θ)
 * @see the AR(1) variance $\sigma_e^2/(1 - \phi^2)$ with $\phi = 1 - \theta h$, $\sigma_e^2 = \sigma^2 h$:
 *   Brockwell & Davis (1991), Time Series: Theory and Methods, §3.1; Higham (2001), SIAM Review
 *   43(3), 525–546 (linear stability of Euler–Maruyama)
 */
export function ouEulerStationaryVariance(theta: number, sigma: number, h: number): number {
  const fn = "ouEulerStationaryVariance";
  requirePositive(fn, "theta", theta);
  requirePositive(fn, "sigma", sigma);
  requireFinite(
    fn,
    "h",
    h,
    `in (0, 2/theta) = (0, ${2 / theta}) for a stable chain (|1 − θh| < 1)`,
    (v) => v > 0 && theta * v < 2,
  );
  return (sigma * sigma) / (theta * (2 - theta * h));
}
