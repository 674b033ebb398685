import type { ScoreFunction } from "../score";
import {
  describeValue,
  requireBatchAt,
  requireFinite,
  requireInteger,
  requireInterface,
} from "../base";

/**
 * $\tilde s_t(x) = (1 + w)\,s_t(x \mid y) - w\,s_t(x)$: classifier-free guidance, a combination
 * of a conditional and an unconditional score. With exact scores
 * $s_t(x\mid y) - s_t(x) = \nabla\log p_t(y\mid x)$ (Bayes), so it equals classifier guidance
 * with scale $\gamma = 1 + w$. Its `score(t, x, out, n)` takes a finite t (the two scores judge
 * its range), n ≥ 1 rows of finite x, (n, d) row-major, and out of at least n·d entries.
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
  requireInterface(fn, "conditional", conditional, "a ScoreFunction", ["score"]);
  requireInterface(fn, "unconditional", unconditional, "a ScoreFunction", ["score"]);
  const d = requireInteger(fn, "conditional.dim", conditional.dim, 1);
  if (unconditional.dim !== d) {
    throw new RangeError(
      `${fn}: unconditional.dim must equal conditional.dim = ${d}, got ${describeValue(unconditional.dim)}`,
    );
  }
  requireFinite(fn, "w", w);
  const su = { buf: new Float64Array(0) };
  return Object.freeze({
    dim: d,
    score(t: number, x: Float64Array, out: Float64Array, n: number): void {
      requireBatchAt(`${fn}.score`, t, x, out, n, d);
      const m = n * d;
      if (su.buf.length < m) su.buf = new Float64Array(m); // (n, d), grown once
      conditional.score(t, x, out, n);
      unconditional.score(t, x, su.buf, n);
      for (let i = 0; i < m; i++) out[i] = (1 + w) * out[i] - w * su.buf[i];
    },
  });
}
