// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { sin, cos, exp, log } = Math;

/**
 * $e(t) = \big(\sin(\omega_0 t), \dots, \sin(\omega_{K-1} t), \cos(\omega_0 t), \dots, \cos(\omega_{K-1} t)\big)$,
 * $\omega_k = \text{scale}\cdot 10^{-4k/K}$, $K = \text{dim}/2$: the sinusoidal embedding of
 * the transformer, used by DDPM for the time step. Rows r of out get $e(t_r)$ at columns
 * [offset, offset + dim) of a row of width `stride`.
 * @param t (n) times
 * @param out (n, stride) row-major, written at columns offset .. offset + dim
 * @param dim embedding width, even, ≥ 2
 * @param scale $\omega_0$ (default 1000: t in [0, 1] read as DDPM's step index)
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
  if (!Number.isInteger(dim) || dim < 2 || dim % 2 !== 0) {
    throw new RangeError(`timeEmbedding: dim must be an even integer >= 2, got ${dim}`);
  }
  if (!Number.isInteger(n) || n < 0 || t.length < n) {
    throw new RangeError(`timeEmbedding: n must be an integer in [0, t.length], got ${n}`);
  }
  if (offset + dim > stride || out.length < n * stride) {
    throw new RangeError(
      `timeEmbedding: out must hold (n, stride) = (${n}, ${stride}) with offset + dim <= stride, got length ${out.length}, offset ${offset}`,
    );
  }
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
