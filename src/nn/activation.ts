import { createWasmSilu, siluFast, siluSecondFast, type WasmSilu } from "../fast";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { exp, tanh } = Math;

/** The activations an {@link Mlp} supports. */
export type ActivationName = "silu" | "relu" | "tanh";

/**
 * $h = z\,s$, $d = s\,(1 + z(1 - s))$ with $s = 1/(1 + e^{-z})$: SiLU and its derivative over
 * z[0 .. len), the reference version. The MLP runs its fast twins: the WebAssembly f64x2 kernel
 * (src/fast/silu-wasm.ts) where available, else `siluFast` (src/fast/silu.ts), both with the
 * polynomial `fastExp` instead of `Math.exp`, bit-identical to each other and within a few ulp
 * of this loop (bound and reason in test/fast/silu.test.ts).
 * @internal
 * @param z (len,) @param h (len,) receives SiLU(z) @param d (len,) receives SiLU'(z)
 * @see Elfwing, Uchibe & Doya (2018), Neural Networks 107, eq. (1)–(2)
 */
export function silu(z: Float64Array, h: Float64Array, d: Float64Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const s = 1 / (1 + exp(-z[i]));
    h[i] = z[i] * s;
    d[i] = s * (1 + z[i] * (1 - s));
  }
}

/**
 * $\mathrm{SiLU}''(z) = s(1 - s)(2 + z(1 - 2s))$, $s = 1/(1 + e^{-z})$: the reference version of
 * what `siluSecondFast` (src/fast/silu.ts, with `fastExp`) computes for the MLP.
 * @internal
 * @param z (len,) @param out (len,) written
 * @see Elfwing, Uchibe & Doya (2018), Neural Networks 107, eq. (2)
 */
export function siluSecond(z: Float64Array, out: Float64Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const s = 1 / (1 + exp(-z[i]));
    out[i] = s * (1 - s) * (2 + z[i] * (1 - 2 * s));
  }
}

/** The WebAssembly SiLU kernel, compiled on first use; null where SIMD is unavailable. */
const WASM: { silu: WasmSilu | null | undefined } = { silu: undefined };

/**
 * $h = \sigma(z)$ elementwise over z[0 .. len), with $\sigma'(z)$ into d:
 * SiLU $z\,\mathrm{sig}(z)$, $\mathrm{sig}(z)(1 + z(1 - \mathrm{sig}(z)))$ (the fast twin of
 * {@link silu}); ReLU $\max(z, 0)$, $1_{z > 0}$; tanh, $1 - \tanh^2 z$.
 * @internal
 * @see Elfwing, Uchibe & Doya (2018), Neural Networks 107, eq. (1)–(2) (SiLU)
 */
export function activate(
  name: ActivationName,
  z: Float64Array,
  h: Float64Array,
  d: Float64Array,
  len: number,
): void {
  if (name === "silu") {
    if (WASM.silu === undefined) WASM.silu = createWasmSilu();
    if (WASM.silu !== null) WASM.silu.run(z, h, d, len);
    else siluFast(z, h, d, len);
  } else if (name === "relu") {
    for (let i = 0; i < len; i++) {
      const zi = z[i];
      h[i] = zi > 0 ? zi : 0;
      d[i] = zi > 0 ? 1 : 0;
    }
  } else {
    for (let i = 0; i < len; i++) {
      const t = tanh(z[i]);
      h[i] = t;
      d[i] = 1 - t * t;
    }
  }
}

/**
 * $\sigma''(z)$ elementwise into out: SiLU $\mathrm{sig}(1 - \mathrm{sig})(2 + z(1 - 2\,\mathrm{sig}))$
 * (the fast twin of {@link siluSecond}), ReLU 0 (almost everywhere), tanh
 * $-2\tanh z\,(1 - \tanh^2 z)$. Needed by the backward pass through a Jacobian-vector product.
 * @internal
 * @see Elfwing, Uchibe & Doya (2018), Neural Networks 107, eq. (2)
 */
export function activationSecond(
  name: ActivationName,
  z: Float64Array,
  out: Float64Array,
  len: number,
): void {
  if (name === "silu") {
    siluSecondFast(z, out, len);
  } else if (name === "relu") {
    out.fill(0, 0, len);
  } else {
    for (let i = 0; i < len; i++) {
      const t = tanh(z[i]);
      out[i] = -2 * t * (1 - t * t);
    }
  }
}
