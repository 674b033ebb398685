import { optionalPositive, requireOptions } from "../base";
import { definePath, type ProbabilityPath } from "./probability-path";

/**
 * The VE path on [0, 1]: $\alpha_t = 1$, $\sigma_t = \sigma_{min}(\sigma_{max}/\sigma_{min})^t$,
 * $\dot\sigma_t = \sigma_t\log(\sigma_{max}/\sigma_{min})$: Song & Ermon's geometric noise levels
 * as a path, with $\sigma_0 = \sigma_{min} > 0$ (the VE SDE's marginals for data already blurred by
 * $\mathcal N(0, \sigma_{min}^2 I)$), as Lipman et al. write it with t replaced by 1 − t.
 * @param options sigmaMin (default 0.01) and sigmaMax (default 50), 0 < sigmaMin < sigmaMax
 * @see Lipman et al. (2023), ICLR, §4.1, Example I (VE path); Song et al. (2021), ICLR, eq. (9)
 */
export function vePath(options: { sigmaMin?: number; sigmaMax?: number } = {}): ProbabilityPath {
  const fn = "vePath";
  const o = requireOptions(fn, options);
  const sigmaMin = optionalPositive(fn, "options.sigmaMin", o.sigmaMin) ?? 0.01;
  const sigmaMax = optionalPositive(fn, "options.sigmaMax", o.sigmaMax) ?? 50;
  if (!(sigmaMax > sigmaMin)) {
    throw new RangeError(
      `${fn}: options.sigmaMax must be > options.sigmaMin = ${sigmaMin}, got ${sigmaMax}`,
    );
  }
  const rate = Math.log(sigmaMax / sigmaMin);
  const std = (t: number): number => sigmaMin * Math.exp(rate * t);
  return definePath(fn, 1, {
    scale: () => 1,
    std,
    scaleRate: () => 0,
    stdRate: (t) => rate * std(t),
    varianceRate: (t) => 2 * rate * std(t) ** 2,
  });
}
