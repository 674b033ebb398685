import { describeValue, isFloat64Array, requireFinite } from "../base";

/**
 * Tweedie's formula $\mathbb E[x_0\mid x] = (x + \sigma^2\nabla\log p(x))/\alpha$ for
 * $x = \alpha x_0 + \sigma\varepsilon$, $\varepsilon \sim \mathcal N(0, I)$, whatever the prior of $x_0$
 * ($p$ is the density of the noisy $x$; $\alpha = 1$ is Robbins–Efron's form $x + \sigma^2 (\log p)'$).
 * @param x (n, d) row-major noisy points
 * @param score (n, d) $\nabla\log p$ at x
 * @param scale $\alpha > 0$
 * @param std $\sigma > 0$
 * @returns (n, d) posterior means
 * @see Efron (2011), JASA 106(496), eq. (2.8); Robbins (1956), Proc. 3rd Berkeley Symp.
 */
export function tweedieMean(
  x: Float64Array,
  score: Float64Array,
  scale: number,
  std: number,
): Float64Array {
  const fn = "tweedieMean";
  checkPair(fn, x, "score", score);
  const a = requireFinite(fn, "scale", scale, "a finite number > 0", (v) => v > 0);
  const s = requireFinite(fn, "std", std, "a finite number > 0", (v) => v > 0);
  return x.map((v, i) => (v + s * s * score[i]) / a);
}

/**
 * Second-order Tweedie: $\operatorname{Cov}[x_0\mid x] = \tfrac{\sigma^2}{\alpha^2}\big(I + \sigma^2\nabla^2\log p(x)\big)$;
 * here its diagonal, $\operatorname{Var}[x_{0,i}\mid x] = \sigma^2(1 + \sigma^2\partial_i^2\log p)/\alpha^2$.
 * @param hessianDiagonal (n, d) $\partial_i^2\log p$ at the noisy points
 * @param scale $\alpha > 0$
 * @param std $\sigma > 0$
 * @returns (n, d) posterior variances
 * @see Efron (2011), JASA 106(496), eq. (2.9)–(2.10); Meng et al. (2021), NeurIPS, "Estimating high order gradients of the data distribution by denoising", Lemma 1
 */
export function tweedieVariance(
  hessianDiagonal: Float64Array,
  scale: number,
  std: number,
): Float64Array {
  const fn = "tweedieVariance";
  if (!isFloat64Array(hessianDiagonal)) {
    throw new TypeError(
      `${fn}: hessianDiagonal must be a Float64Array, got ${describeValue(hessianDiagonal)}`,
    );
  }
  const a = requireFinite(fn, "scale", scale, "a finite number > 0", (v) => v > 0);
  const s = requireFinite(fn, "std", std, "a finite number > 0", (v) => v > 0);
  return hessianDiagonal.map((h) => (s * s * (1 + s * s * h)) / (a * a));
}

/** Throws unless x and other are Float64Arrays of one length ≥ 1. @internal */
export function checkPair(fn: string, x: unknown, name: string, other: unknown): void {
  for (const [n, v] of [
    ["x", x],
    [name, other],
  ] as const) {
    if (!isFloat64Array(v)) {
      throw new TypeError(`${fn}: ${n} must be a Float64Array, got ${describeValue(v)}`);
    }
  }
  const [a, b] = [x as Float64Array, other as Float64Array];
  if (a.length === 0 || a.length !== b.length) {
    throw new RangeError(
      `${fn}: ${name} must have the (non-zero) length of x, ${a.length}, got ${b.length}`,
    );
  }
}
