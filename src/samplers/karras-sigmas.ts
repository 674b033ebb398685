import { requireFinite, requireInteger, requirePositive } from "../base";

/**
 * $\sigma_i = \big(\sigma_{max}^{1/\rho} + \tfrac{i}{N-1}(\sigma_{min}^{1/\rho} - \sigma_{max}^{1/\rho})\big)^\rho$,
 * $i = 0, \dots, N-1$: EDM's time steps, uniform in $\sigma^{1/\rho}$ from $\sigma_{max}$ down to
 * $\sigma_{min}$. ρ = 1 is uniform in σ; large ρ crowds the steps near $\sigma_{min}$ (ρ = 7
 * in the paper, which finds it best for images; ρ → ∞ is uniform in log σ). EDM's samplers end
 * at $\sigma_N = 0$: append it for them. Endpoints are exact ($\sigma_0 = \sigma_{max}$,
 * $\sigma_{N-1} = \sigma_{min}$).
 * @param n N, the number of levels, an integer ≥ 2
 * @param sigmaMin $\sigma_{min} > 0$
 * @param sigmaMax $\sigma_{max} > \sigma_{min}$
 * @param rho ρ > 0 (default 7)
 * @returns (N) decreasing noise levels
 * @see Karras et al. (2022), NeurIPS, eq. (5) and Table 1 ("Time steps")
 */
export function karrasSigmas(n: number, sigmaMin: number, sigmaMax: number, rho = 7): Float64Array {
  const fn = "karrasSigmas";
  const N = requireInteger(fn, "n", n, 2);
  const lo = requirePositive(fn, "sigmaMin", sigmaMin);
  const hi = requireFinite(fn, "sigmaMax", sigmaMax, `a finite number > sigmaMin = ${lo}`, (s) => {
    return s > lo;
  });
  const r = requirePositive(fn, "rho", rho);
  const a = hi ** (1 / r); // σ_max^{1/ρ}
  const b = lo ** (1 / r); // σ_min^{1/ρ}
  const sigmas = new Float64Array(N); // (N)
  for (let i = 0; i < N; i++) sigmas[i] = (a + (i / (N - 1)) * (b - a)) ** r; // eq. (5)
  sigmas[0] = hi;
  sigmas[N - 1] = lo;
  return sigmas;
}
