import { requireFinite } from "../base";

/**
 * $P(|Z| > z) = \operatorname{erfc}(z/\sqrt2)$ for $Z \sim \mathcal N(0, 1)$: the probability
 * that a two-sided $z$-standard-error check fails when the estimate is unbiased and normal with
 * the stated standard error. erfc by the Chebyshev fit of Numerical Recipes (fractional error
 * below $1.2\cdot10^{-7}$ everywhere, enough for a declared rate).
 * @param z the number of standard errors, ≥ 0
 * @see Press et al. (2007), Numerical Recipes, 3rd ed., §6.2.2 (erfcc)
 */
export function twoSidedNormalTail(z: number): number {
  requireFinite("twoSidedNormalTail", "z", z, "a finite number >= 0", (v) => v >= 0);
  const x = z / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t *
                          (-1.13520398 +
                            t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return t * Math.exp(poly);
}

/**
 * $P\big(|\chi^2_k/k - 1| > z\sqrt{2/k}\big)$: the false-fail rate of a z-standard-error check,
 * with its exact SE, of a mean of k squared standard normals, of the sample variance of n
 * Gaussian values (k = n − 1), or (Satterthwaite's matched $\chi^2$) of a mean of n squares of a
 * near-Gaussian variable of excess kurtosis κ (k = n/(1 + κ/2)). Such a statistic is skewed, so
 * its z-check fails more often than $2P(Z > z)$ (1.8 times as often for k = 400, z = 4). Tails by
 * Wilson–Hilferty, $(\chi^2_k/k)^{1/3} \approx \mathcal N(1 - \tfrac{2}{9k}, \tfrac{2}{9k})$: for
 * k ≥ 20 and 2 ≤ z ≤ 6 between 1 and 1.17 times the exact rate (within 1% for k ≥ 400, z ≤ 4).
 * @param k degrees of freedom, > 0 (need not be an integer)
 * @param z standard errors of the check, ≥ 0
 * @see Wilson & Hilferty (1931), PNAS 17(12), 684–688; Satterthwaite (1946), Biometrics
 *   Bulletin 2(6), 110–114
 */
export function chiSquareFalseFail(k: number, z: number): number {
  const fn = "chiSquareFalseFail";
  requireFinite(fn, "k", k, "a finite number > 0", (v) => v > 0);
  requireFinite(fn, "z", z, "a finite number >= 0", (v) => v >= 0);
  const v = 2 / (9 * k); // variance of (χ²_k/k)^{1/3}
  const c = z * Math.sqrt(2 / k); // the band of χ²_k/k around 1
  /** P(N(0, 1) > x) */
  const upperTail = (x: number) =>
    x >= 0 ? twoSidedNormalTail(x) / 2 : 1 - twoSidedNormalTail(-x) / 2;
  const standardised = (r: number) => (Math.cbrt(r) - (1 - v)) / Math.sqrt(v);
  const above = upperTail(standardised(1 + c));
  const below = c < 1 ? upperTail(-standardised(1 - c)) : 0;
  return above + below;
}

/**
 * The false-fail rate a check declares: `options.falseFail` when given (a probability in
 * [0, 1)), else the rate its rule implies (`derived`: 0 for a deterministic comparison).
 */
export function declaredFalseFail(fn: string, options: object, derived: number): number {
  const given = (options as { falseFail?: unknown }).falseFail;
  if (given === undefined) return derived;
  return requireFinite(
    fn,
    "options.falseFail",
    given,
    "a probability in [0, 1)",
    (p) => p >= 0 && p < 1,
  );
}

/** The option every check accepts: the probability that it fails when the code is right. */
export interface FalseFailOption {
  /**
   * Declared probability of a false alarm (the check fails although the code is right), in
   * [0, 1); derive it beside the check (e.g. from a z of 4.9: 1e-6). Default: what the rule
   * implies: 2·P(Z > z) for `checkWithinSE`, α for `checkPValue`, 0 (deterministic) otherwise.
   */
  readonly falseFail?: number;
}
