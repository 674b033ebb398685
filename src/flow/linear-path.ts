import { optionalFinite, requireOptions } from "../base";
import { definePath, type ProbabilityPath } from "./probability-path";

/**
 * $x_t = (1 - t)\,x_0 + (\sigma_{min} + (1 - \sigma_{min})t)\,\varepsilon$ on [0, 1]: the straight
 * line from data to noise, $\alpha_t = 1 - t$, $\dot\alpha_t = -1$,
 * $\sigma_t = \sigma_{min} + (1 - \sigma_{min})t$, $\dot\sigma_t = 1 - \sigma_{min}$; with
 * $\sigma_{min} = 0$ (the default) the conditional velocity is $\varepsilon - x_0$. Lipman et al.'s
 * optimal-transport path and Liu et al.'s rectified flow, with t replaced by 1 − t (they put the
 * data at t = 1).
 * @param options sigmaMin in [0, 1) (default 0), the noise left at the data end
 * @see Lipman et al. (2023), ICLR, §4.1, Example II, eq. (20); Liu, Gong & Liu (2023), ICLR, eq. (1)
 */
export function linearPath(options: { sigmaMin?: number } = {}): ProbabilityPath {
  const fn = "linearPath";
  const o = requireOptions(fn, options);
  const s0 =
    optionalFinite(fn, "options.sigmaMin", o.sigmaMin, "a finite number in [0, 1)", (v) => {
      return v >= 0 && v < 1;
    }) ?? 0;
  const rate = 1 - s0;
  return definePath(fn, 1, {
    scale: (t) => 1 - t,
    std: (t) => s0 + rate * t,
    scaleRate: () => -1,
    stdRate: () => rate,
    varianceRate: (t) => 2 * (s0 + rate * t) * rate,
  });
}
