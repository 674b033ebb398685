import { requireFinite, requireInteger, requireRowsAtLeast } from "../base";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { sin, cos, exp, log } = Math;

/**
 * $e(t) = \big(\sin(\omega_0 t), \dots, \sin(\omega_{K-1} t), \cos(\omega_0 t), \dots, \cos(\omega_{K-1} t)\big)$,
 * $\omega_k = \text{scale}\cdot 10^{-4k/K}$, $K = \text{dim}/2$: the sinusoidal embedding of
 * the transformer, used by DDPM for the time step. Rows r of out get $e(t_r)$ at columns
 * [offset, offset + dim) of a row of width `stride`.
 * @param t (n) times, finite
 * @param out (n, stride) row-major, written at columns offset .. offset + dim
 * @param n rows, an integer ≥ 0
 * @param dim embedding width, even, ≥ 2
 * @param stride row width of out, ≥ offset + dim (default dim)
 * @param offset first column written (default 0)
 * @param scale $\omega_0 > 0$ (default 1000: t in [0, 1] read as DDPM's step index)
 * @see Vaswani et al. (2017), NeurIPS, §3.5; Ho et al. (2020), NeurIPS, Appendix B
 */
export function timeEmbedding(
  t: Float64Array,
  out: Float64Array,
  n: number,
  dim: number,
  stride = dim,
  offset = 0,
  scale = 1000,
): void {
  const fn = "timeEmbedding";
  requireInteger(fn, "n", n, 0);
  requireInteger(fn, "dim", dim, 2);
  if (dim % 2 !== 0) throw new RangeError(`${fn}: dim must be an even integer >= 2, got ${dim}`);
  requireInteger(fn, "stride", stride, dim);
  requireInteger(fn, "offset", offset, 0);
  if (offset + dim > stride) {
    throw new RangeError(
      `${fn}: offset must leave room for dim = ${dim} columns in a row of stride ${stride}, got ${offset}`,
    );
  }
  requireFinite(fn, "scale", scale, "a finite number > 0", (v) => v > 0);
  requireRowsAtLeast(fn, "t", t, n, 1);
  requireRowsAtLeast(fn, "out", out, n, stride, { finite: false });
  const K = dim / 2;
  const c = log(1e4) / K;
  for (let r = 0; r < n; r++) {
    const o = r * stride + offset;
    for (let k = 0; k < K; k++) {
      const a = scale * exp(-c * k) * t[r];
      out[o + k] = sin(a);
      out[o + K + k] = cos(a);
    }
  }
}
