import { requireFiniteArray, requirePositive } from "../base";

/**
 * Tweedie's formula $\mathbb E[x_0\mid x] = (x + \sigma^2\nabla\log p(x))/\alpha$ for
 * $x = \alpha x_0 + \sigma\varepsilon$, $\varepsilon \sim \mathcal N(0, I)$, whatever the prior of $x_0$
 * ($p$ is the density of the noisy $x$; $\alpha = 1$ is Robbins–Efron's form $x + \sigma^2 (\log p)'$).
 * @param x (n, d) row-major noisy points, finite, n·d ≥ 1
 * @param score (n, d) $\nabla\log p$ at x, finite, of the length of x
 * @param scale $\alpha > 0$
 * @param std $\sigma > 0$
 * @returns (n, d) posterior means (a result beyond double precision is a RangeError)
 * @see Efron (2011), JASA 106(496), eq. (2.8); Robbins (1956), Proc. 3rd Berkeley Symp.
 */
export function tweedieMean(
  x: Float64Array,
  score: Float64Array,
  scale: number,
  std: number,
): Float64Array {
  const fn = "tweedieMean";
  requireFiniteArray(fn, "x", x, { min: 1 });
  requireFiniteArray(fn, "score", score, x.length);
  const a = requirePositive(fn, "scale", scale);
  const s = requirePositive(fn, "std", std);
  return finiteResult(
    fn,
    x.map((v, i) => (v + s * s * score[i]) / a),
  );
}

/**
 * Second-order Tweedie: $\operatorname{Cov}[x_0\mid x] = \tfrac{\sigma^2}{\alpha^2}\big(I + \sigma^2\nabla^2\log p(x)\big)$;
 * here its diagonal, $\operatorname{Var}[x_{0,i}\mid x] = \sigma^2(1 + \sigma^2\partial_i^2\log p)/\alpha^2$.
 * @param hessianDiagonal (n, d) $\partial_i^2\log p$ at the noisy points, finite, n·d ≥ 1
 * @param scale $\alpha > 0$
 * @param std $\sigma > 0$
 * @returns (n, d) posterior variances (a result beyond double precision is a RangeError)
 * @see Efron (2011), JASA 106(496), eq. (2.9)–(2.10); Meng et al. (2021), NeurIPS, "Estimating high order gradients of the data distribution by denoising", Lemma 1
 */
export function tweedieVariance(
  hessianDiagonal: Float64Array,
  scale: number,
  std: number,
): Float64Array {
  const fn = "tweedieVariance";
  requireFiniteArray(fn, "hessianDiagonal", hessianDiagonal, { min: 1 });
  const a = requirePositive(fn, "scale", scale);
  const s = requirePositive(fn, "std", std);
  return finiteResult(
    fn,
    hessianDiagonal.map((h) => (s * s * (1 + s * s * h)) / (a * a)),
  );
}

/**
 * Returns out unless an entry overflowed (inputs near the limits of double precision), which is
 * a RangeError naming fn rather than an Infinity or NaN passed on. @internal
 */
export function finiteResult(fn: string, out: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i])) {
      throw new RangeError(
        `${fn}: the result overflows double precision at [${i}] (got ${out[i]}): rescale the inputs`,
      );
    }
  }
  return out;
}
