import { requireFinite, requireInteger, requireNonNegative } from "../base";

/**
 * $P(\text{KS at level }\alpha\text{ rejects}) \le \min\bigl(0.99,\ 2e^{-2\lambda_+^2}\bigr)$,
 * $\lambda = \sqrt{\ln(2/\alpha)/2} - \frac{1}{6\sqrt n} - \sqrt n\,d$: the rate at which the
 * one-sample KS test of `ksOneSample` rejects $n$ samples whose law is a KS distance $d$ from the
 * null (a sampler's bias). It rejects when $\sqrt n D_n$ passes $\lambda_\alpha$ less the test's
 * $1/(6\sqrt n)$ correction; the sample's CDF must then stray $\lambda/\sqrt n$ from its own law,
 * which Massart's form of the Dvoretzky–Kiefer–Wolfowitz inequality bounds,
 * $P(\sqrt n\sup|F_n - F| > \lambda) \le 2e^{-2\lambda^2}$. Capped at 0.99: a check that declares
 * it as its false-fail rate says the bound cannot vouch for the setting.
 * @param alpha the test's level, in (0, 1)
 * @param n the sample size, an integer ≥ 1
 * @param d the KS distance of the samples' law from the null, ≥ 0
 * @see P. Massart (1990), Ann. Probab. 18(3), 1269–1283, Theorem 1; Stephens (1970), JRSS B 32
 *   (the 1/(6√n) correction)
 */
export function ksRejectionBound(alpha: number, n: number, d: number): number {
  const fn = "ksRejectionBound";
  requireFinite(fn, "alpha", alpha, "a finite number in (0, 1)", (a) => a > 0 && a < 1);
  requireInteger(fn, "n", n, 1);
  requireNonNegative(fn, "d", d);
  const lambda = Math.sqrt(Math.log(2 / alpha) / 2) - 1 / (6 * Math.sqrt(n)) - Math.sqrt(n) * d;
  return Math.min(0.99, 2 * Math.exp(-2 * Math.max(0, lambda) ** 2));
}
