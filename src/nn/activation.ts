import { fastExp as exp } from "../fast";
import { createWasmSilu, type SiluFn } from "../fast";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { tanh } = Math;

/** SiLU in plain JavaScript: the fallback of the WebAssembly kernel. */
const siluJs: SiluFn = (z, h, d, len) => {
  for (let i = 0; i < len; i++) {
    const zi = z[i];
    const s = 1 / (1 + exp(-zi));
    h[i] = zi * s;
    d[i] = s * (1 + zi * (1 - s));
  }
};
const SILU: { fn: SiluFn | null } = { fn: null };

/** The activations an {@link Mlp} supports. */
export type ActivationName = "silu" | "relu" | "tanh";

/**
 * $h = \sigma(z)$ elementwise over z[0 .. len), with $\sigma'(z)$ into d:
 * SiLU $z\,\mathrm{sig}(z)$, $\mathrm{sig}(z)(1 + z(1 - \mathrm{sig}(z)))$; ReLU $\max(z, 0)$,
 * $1_{z > 0}$; tanh, $1 - \tanh^2 z$. SiLU in WebAssembly f64x2 where available (silu-wasm.ts), else with {@link fastExp}.
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
    (SILU.fn ??= createWasmSilu() ?? siluJs)(z, h, d, len);
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
 * $\sigma''(z)$ elementwise into out: SiLU $\mathrm{sig}(1 - \mathrm{sig})(2 + z(1 - 2\,\mathrm{sig}))$,
 * ReLU 0 (almost everywhere), tanh $-2\tanh z\,(1 - \tanh^2 z)$. Needed by the backward pass
 * through a Jacobian-vector product.
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
    for (let i = 0; i < len; i++) {
      const zi = z[i];
      const s = 1 / (1 + exp(-zi));
      out[i] = s * (1 - s) * (2 + zi * (1 - 2 * s));
    }
  } else if (name === "relu") {
    out.fill(0, 0, len);
  } else {
    for (let i = 0; i < len; i++) {
      const t = tanh(z[i]);
      out[i] = -2 * t * (1 - t * t);
    }
  }
}
