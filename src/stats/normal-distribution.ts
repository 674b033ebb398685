import { codyRational } from "./cody-rational";
import { requireFinite, requireNotNaN, requirePositive } from "../base";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { abs, exp, trunc } = Math;

// W. J. Cody's coefficients (SPECFUN ANORM), each rounded to the nearest double: |x| <= 0.66291 ...
const A = [
  2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356,
  0.06568233791820745,
];
const B = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673];
// ... 0.66291 < |x| <= sqrt(32) ...
const C = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
  6848.190450536283, 11602.65143764735, 9842.714838383978, 1.0765576773720192e-8,
];
const D = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
  34900.95272114598, 38912.00328609327, 19685.429676859992,
];
// ... and |x| > sqrt(32).
const P = [
  0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934,
  2.9112874951168793e-5, 0.023073441764940174,
];
const Q = [
  1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824,
  7.297515550839662e-5,
];
const ONE_OVER_SQRT_2PI = 0.3989422804014327;
const ROOT32 = 5.656854248;

/**
 * $\varphi_{\mu,\sigma}(x) = e^{-z^2/2} / (\sigma\sqrt{2\pi})$, $z = (x - \mu)/\sigma$: the normal density.
 * With the defaults (standard normal) the result is bit-identical to the one-argument form.
 * The density overflows to Infinity only when $\sigma < 0.4/\text{MAX\_VALUE} \approx 2.2\times10^{-309}$
 * (a subnormal sd) and x is within a few σ of μ.
 * @param x any number except NaN ($\varphi(\pm\infty) = 0$)
 * @param mean μ, finite (default 0)
 * @param sd σ, finite and > 0 (default 1)
 * @see M. Abramowitz & I. A. Stegun (1964), Handbook of Mathematical Functions, eq. 26.2.1.
 */
export function normalPdf(x: number, mean = 0, sd = 1): number {
  requireNotNaN("normalPdf", "x", x);
  requireFinite("normalPdf", "mean", mean);
  requirePositive("normalPdf", "sd", sd);
  const z = (x - mean) / sd; // exactly x when mean = 0 and sd = 1
  return (ONE_OVER_SQRT_2PI * exp(-0.5 * z * z)) / sd;
}

/**
 * $\Phi((x - \mu)/\sigma)$ with $\Phi(z) = \int_{-\infty}^z \varphi(t)\,dt$, relative error about
 * 1e-16 for every z, including the far lower tail ($\Phi(-37) \approx 5.7\times10^{-300}$),
 * because the small tail is computed directly rather than as $1 - \Phi(|z|)$. With the defaults
 * the result is bit-identical to the one-argument form.
 * @param x any number except NaN; $\Phi(-\infty) = 0$, $\Phi(\infty) = 1$
 * @param mean μ, finite (default 0)
 * @param sd σ, finite and > 0 (default 1)
 * @see W. J. Cody (1969), Math. Comp. 23(107), 631-637; SPECFUN ANORM (ACM TOMS Algorithm 715, 1993).
 */
export function normalCdf(x: number, mean = 0, sd = 1): number {
  requireNotNaN("normalCdf", "x", x);
  requireFinite("normalCdf", "mean", mean);
  requirePositive("normalCdf", "sd", sd);
  return standardCdf((x - mean) / sd); // exactly x when mean = 0 and sd = 1
}

/** $\Phi(z)$ for a number z (not NaN), unchecked. */
function standardCdf(x: number): number {
  const y = abs(x);
  if (y <= 0.66291) {
    return 0.5 + codyRational(A, B, y > 1.11e-16 ? x * x : 0, x);
  }
  let tail: number; // Phi(-y)
  if (y <= ROOT32) {
    tail = codyRational(C, D, y, 1);
  } else if (y < 40) {
    const z = 1 / (y * y);
    tail = (ONE_OVER_SQRT_2PI - codyRational(P, Q, z, z)) / y;
  } else {
    tail = 0; // Phi(-40) < 1e-349 underflows
  }
  if (tail !== 0) {
    const ysq = trunc(y * 16) / 16;
    const del = (y - ysq) * (y + ysq);
    tail *= exp(-ysq * ysq * 0.5) * exp(-del * 0.5);
  }
  return x > 0 ? 1 - tail : tail;
}
