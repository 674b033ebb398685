import { requireNonNegative, requirePositive } from "../base";

/** EDM's preconditioning at one noise level (Table 1 of Karras et al. 2022, "Ours"). */
export interface EdmPreconditioning {
  /** $c_{skip} = \sigma_{data}^2/(\sigma^2 + \sigma_{data}^2)$ */
  readonly cSkip: number;
  /** $c_{out} = \sigma\sigma_{data}/\sqrt{\sigma^2 + \sigma_{data}^2}$ */
  readonly cOut: number;
  /** $c_{in} = 1/\sqrt{\sigma^2 + \sigma_{data}^2}$ */
  readonly cIn: number;
  /** $c_{noise} = \tfrac14\ln\sigma$ (−∞ at σ = 0) */
  readonly cNoise: number;
  /** the loss weight $\lambda(\sigma) = 1/c_{out}^2 = (\sigma^2 + \sigma_{data}^2)/(\sigma\sigma_{data})^2$ (∞ at σ = 0) */
  readonly weight: number;
}

/**
 * $D_\theta(x; \sigma) = c_{skip}(\sigma)\,x + c_{out}(\sigma)\,F_\theta(c_{in}(\sigma)\,x;\ c_{noise}(\sigma))$
 * with EDM's coefficients: $c_{in}$ gives the network's input unit variance, $c_{out}$ and
 * $c_{skip}$ give its training target $F = (y - c_{skip}(y + n))/c_{out}$ unit variance and the
 * smallest possible amplification of its errors, for any data of variance $\sigma_{data}^2$ (and
 * mean 0), $n \sim \mathcal N(0, \sigma^2 I)$; $\lambda(\sigma) = 1/c_{out}^2$ makes the loss
 * weight of every σ equal.
 * @param sigma noise level σ ≥ 0
 * @param sigmaData $\sigma_{data} > 0$, the data's standard deviation (default 0.5, the paper's)
 * @returns cSkip, cOut, cIn, cNoise, weight
 * @see Karras et al. (2022), NeurIPS, eq. (7)–(8), Table 1 (preconditioning, "Ours") and
 *   Appendix B.6 (their derivation)
 */
export function edmPreconditioning(sigma: number, sigmaData = 0.5): EdmPreconditioning {
  const fn = "edmPreconditioning";
  const s = requireNonNegative(fn, "sigma", sigma);
  const sd = requirePositive(fn, "sigmaData", sigmaData);
  const total = s * s + sd * sd; // σ² + σ_data²
  return Object.freeze({
    cSkip: (sd * sd) / total,
    cOut: (s * sd) / Math.sqrt(total),
    cIn: 1 / Math.sqrt(total),
    cNoise: 0.25 * Math.log(s),
    weight: total / (s * sd) ** 2,
  });
}
