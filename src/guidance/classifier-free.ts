import type { ScoreFunction } from "../score";
import { describeValue, requireFinite } from "../base";

/**
 * $\tilde s_t(x) = (1 + w)\,s_t(x \mid y) - w\,s_t(x)$: classifier-free guidance, a combination
 * of a conditional and an unconditional score. With exact scores
 * $s_t(x\mid y) - s_t(x) = \nabla\log p_t(y\mid x)$ (Bayes), so it equals classifier guidance
 * with scale $\gamma = 1 + w$.
 * @param conditional $s_t(x \mid y)$, dimension d
 * @param unconditional $s_t(x)$, dimension d
 * @param w the guidance weight, finite (w = 0: the conditional score)
 * @see Ho & Salimans (2022), Classifier-Free Diffusion Guidance, arXiv:2207.12598, eq. (6)
 */
export function classifierFreeScore(
  conditional: ScoreFunction,
  unconditional: ScoreFunction,
  w: number,
): ScoreFunction {
  const fn = "classifierFreeScore";
  for (const [name, s] of [
    ["conditional", conditional],
    ["unconditional", unconditional],
  ] as const) {
    if (s === null || typeof s !== "object" || typeof s.score !== "function") {
      throw new TypeError(`${fn}: ${name} must be a ScoreFunction, got ${describeValue(s)}`);
    }
  }
  if (conditional.dim !== unconditional.dim) {
    throw new RangeError(
      `${fn}: unconditional.dim must equal conditional.dim = ${conditional.dim}, got ${unconditional.dim}`,
    );
  }
  requireFinite(fn, "w", w, "a finite number");
  const su = { buf: new Float64Array(0) };
  return Object.freeze({
    dim: conditional.dim,
    score(t: number, x: Float64Array, out: Float64Array, n: number): void {
      const m = n * conditional.dim;
      if (su.buf.length < m) su.buf = new Float64Array(m); // (n, d), grown once
      conditional.score(t, x, out, n);
      unconditional.score(t, x, su.buf, n);
      for (let i = 0; i < m; i++) out[i] = (1 + w) * out[i] - w * su.buf[i];
    },
  });
}
