import {
  requireBatch,
  requireInteger,
  requireInterface,
  requireOptions,
  describeValue,
} from "../base";
import type { Rng } from "../rng";
import type { ActivationName } from "./activation";
import { Adam, type AdamOptions } from "./adam";
import { Mlp } from "./mlp";

/** What {@link autoencoder} builds. */
export interface AutoencoderOptions {
  /** D, the data dimension (a positive integer) */
  dim: number;
  /** k, the latent dimension (an integer in [1, D]) */
  latentDim: number;
  /** hidden widths of the encoder; the decoder mirrors them (default [32]) */
  hidden?: number[];
  /** hidden activation (default "silu") */
  activation?: ActivationName;
  /** Adam's options for both networks (default lr 1e-3) */
  adam?: AdamOptions;
}

/** An MLP encoder $E:\mathbb R^D\to\mathbb R^k$ and decoder $G:\mathbb R^k\to\mathbb R^D$ trained together. */
export interface Autoencoder {
  readonly dim: number;
  readonly latentDim: number;
  readonly encoder: Mlp;
  readonly decoder: Mlp;
  /** $z = E(x)$. @param x (n, D) row-major @param out (n, k) @param n rows */
  encode(x: Float64Array, out: Float64Array, n: number): void;
  /** $\hat x = G(z)$. @param z (n, k) row-major @param out (n, D) @param n rows */
  decode(z: Float64Array, out: Float64Array, n: number): void;
  /**
   * One Adam step on $L = \frac1n\sum_i\|G(E(x_i)) - x_i\|^2$ (both networks); returns L before
   * the step. @param x (n, D) row-major, a minibatch @param n rows
   */
  step(x: Float64Array, n: number): number;
  /** L for n rows, no update. @param x (n, D) row-major @param n rows */
  loss(x: Float64Array, n: number): number;
}

/**
 * $\min_{E,G}\frac1n\sum_i\|G(E(x_i)) - x_i\|^2$ by Adam, E and G MLPs (sizes $(D, h_1..h_m, k)$
 * and $(k, h_m..h_1, D)$, linear outputs): the learned encoder/decoder of latent diffusion. The
 * gradient is the chain rule through both networks: $\partial L/\partial\hat x = 2(\hat x - x)/n$,
 * pulled back through G (to its parameters and to z), then through E. With no hidden layer and
 * linear maps the optimum spans the PCA subspace (`pca` of itolab/stats is the closed form).
 * @param rng initialises both networks (PyTorch's default)
 * @param options dim D, latentDim k ≤ D, hidden widths (default [32]), activation, adam options
 * @see Rombach et al. (2022), CVPR, §3.1 (perceptual compression by an autoencoder before diffusion); Hinton & Salakhutdinov (2006), Science 313, Fig. 1 (the autoencoder)
 */
export function autoencoder(rng: Rng, options: AutoencoderOptions): Autoencoder {
  const fn = "autoencoder";
  requireInterface(fn, "rng", rng, "an Rng", ["uniform"]);
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${fn}: options must be an object, got ${describeValue(options)}`);
  }
  const o = requireOptions(fn, options);
  const D = requireInteger(fn, "options.dim", o.dim, 1);
  const k = requireInteger(fn, "options.latentDim", o.latentDim, 1);
  if (k > D) {
    throw new RangeError(`${fn}: options.latentDim must be in [1, dim = ${D}], got ${k}`);
  }
  const hidden = o.hidden === undefined ? [32] : o.hidden;
  if (!Array.isArray(hidden)) {
    throw new TypeError(
      `${fn}: options.hidden must be an array of widths, got ${describeValue(hidden)}`,
    );
  }
  hidden.forEach((w, i) => requireInteger(fn, `options.hidden[${i}]`, w, 1));
  const encoder = new Mlp({ sizes: [D, ...hidden, k], activation: o.activation }).init(rng);
  const decoder = new Mlp({
    sizes: [k, ...[...hidden].reverse(), D],
    activation: o.activation,
  }).init(rng);
  const optE = new Adam(encoder.params.length, o.adam);
  const optD = new Adam(decoder.params.length, o.adam);
  let gOut = new Float64Array(0);
  let gZ = new Float64Array(0);
  let zBuf = new Float64Array(0);

  /** x̂ = G(E(x)) as a view; fills zBuf. */
  const reconstruct = (x: Float64Array, n: number): Float64Array => {
    if (zBuf.length < n * k) zBuf = new Float64Array(n * k);
    zBuf.set(encoder.forward(x, n));
    return decoder.forward(zBuf, n);
  };
  const lossOf = (x: Float64Array, xh: Float64Array, n: number): number => {
    let L = 0;
    for (let i = 0; i < n * D; i++) L += (xh[i] - x[i]) ** 2;
    return L / n;
  };
  return Object.freeze({
    dim: D,
    latentDim: k,
    encoder,
    decoder,
    encode(x: Float64Array, out: Float64Array, n: number): void {
      const rows = requireBatch(`${fn}.encode`, x, out, n, D, { outWidth: k });
      out.set(encoder.forward(x, rows));
    },
    decode(z: Float64Array, out: Float64Array, n: number): void {
      const rows = requireBatch(`${fn}.decode`, z, out, n, k, { outWidth: D, xName: "z" });
      out.set(decoder.forward(z, rows));
    },
    loss(x: Float64Array, n: number): number {
      const rows = requireBatch(`${fn}.loss`, x, x, n, D);
      return lossOf(x, reconstruct(x, rows), rows);
    },
    step(x: Float64Array, n: number): number {
      const rows = requireBatch(`${fn}.step`, x, x, n, D);
      const xh = reconstruct(x, rows);
      const L = lossOf(x, xh, rows);
      if (gOut.length < rows * D) gOut = new Float64Array(rows * D);
      if (gZ.length < rows * k) gZ = new Float64Array(rows * k);
      for (let i = 0; i < rows * D; i++) gOut[i] = (2 * (xh[i] - x[i])) / rows;
      encoder.zeroGrad();
      decoder.zeroGrad();
      decoder.backward(gOut, rows, gZ);
      encoder.backward(gZ, rows);
      optE.step(encoder.params, encoder.grad);
      optD.step(decoder.params, decoder.grad);
      return L;
    },
  });
}
