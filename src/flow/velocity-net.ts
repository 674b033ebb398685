import {
  describeValue,
  requireBatchAt,
  requireInteger,
  requireOneOf,
  requireRowsAtLeast,
} from "../base";
import { requireGemmKernel, type GemmKernel } from "../linalg";
import { Mlp, timeEmbedding, type ActivationName } from "../nn";
import type { VelocityModel } from "./velocity-function";

/** What {@link velocityNet} builds. */
export interface VelocityNetOptions {
  /** d, data dimension */
  dim: number;
  /** hidden widths, e.g. [64, 64] */
  hidden: number[];
  /** hidden activation (default "silu") */
  activation?: ActivationName;
  /** width of the sinusoidal time embedding (even); 0 (default) feeds t itself as one input */
  embedding?: number;
  kernel?: GemmKernel;
}

/**
 * $u_\theta(t, x) = f_\theta(x, e(t))$: an {@link Mlp} $(d + E) \to \text{hidden} \to d$ with a
 * sinusoidal time embedding e (or t itself), as a {@link VelocityModel} for flow matching. The
 * output is the velocity itself: unlike a score, the marginal velocity of the linear path stays
 * bounded at both ends, so no rescaling by $\sigma_t$ is needed. Parameters are zero until
 * `net.init(rng)`. Methods check their arguments and name themselves (`velocityNet.evaluate`).
 * @param options dim, hidden, activation, embedding, kernel
 * @see Lipman et al. (2023), ICLR, §6 (an MLP velocity for 2-D data); Ho et al. (2020), NeurIPS, Appendix B (the time embedding)
 */
export function velocityNet(options: VelocityNetOptions): VelocityModel & { net: Mlp } {
  const fn = "velocityNet";
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${fn}: options must be an object, got ${describeValue(options)}`);
  }
  const { dim: d, hidden, activation = "silu", embedding = 0, kernel } = options;
  requireInteger(fn, "options.dim", d, 1);
  if (!Array.isArray(hidden)) {
    throw new TypeError(
      `${fn}: options.hidden must be an array of widths, got ${describeValue(hidden)}`,
    );
  }
  hidden.forEach((w, i) => requireInteger(fn, `options.hidden[${i}]`, w, 1));
  requireOneOf(fn, "options.activation", activation, ["silu", "relu", "tanh"] as const);
  requireInteger(fn, "options.embedding", embedding, 0);
  if (embedding % 2 !== 0) {
    throw new RangeError(
      `${fn}: options.embedding must be 0 or an even positive integer, got ${embedding}`,
    );
  }
  requireGemmKernel(fn, "options.kernel", kernel);
  const w = d + (embedding === 0 ? 1 : embedding);
  const net = new Mlp({ sizes: [w, ...hidden, d], activation, kernel });
  let input = new Float64Array(0); // (n, d + E)
  let tBuf = new Float64Array(0); // (n)
  let rows = 0; // rows of the last forward pass, for backward
  const prepare = (t: Float64Array, x: Float64Array, n: number): void => {
    if (input.length < n * w) input = new Float64Array(n * w);
    for (let r = 0; r < n; r++) for (let i = 0; i < d; i++) input[r * w + i] = x[r * d + i];
    if (embedding === 0) for (let r = 0; r < n; r++) input[r * w + d] = t[r];
    else timeEmbedding(t, input, n, embedding, w, d);
  };
  return Object.freeze({
    dim: d,
    net,
    params: net.params,
    grad: net.grad,
    zeroGrad: () => net.zeroGrad(),
    evaluate(t: Float64Array, x: Float64Array, n: number): Float64Array {
      const method = `${fn}.evaluate`;
      requireInteger(method, "n", n, 1);
      requireRowsAtLeast(method, "t", t, n, 1);
      requireRowsAtLeast(method, "x", x, n, d, { widthName: "d" });
      prepare(t, x, n);
      rows = n;
      return net.forward(input, n);
    },
    backward(gVelocity: Float64Array, n: number): void {
      const method = `${fn}.backward`;
      requireInteger(method, "n", n, 1);
      if (n !== rows) {
        throw new RangeError(
          `${method}: n must equal the rows of the last evaluate (${rows === 0 ? "none to go back through" : rows}), got ${n}`,
        );
      }
      requireRowsAtLeast(method, "gVelocity", gVelocity, n, d, { widthName: "d" });
      net.backward(gVelocity, n);
    },
    velocity(t: number, x: Float64Array, out: Float64Array, n: number): void {
      requireBatchAt(`${fn}.velocity`, t, x, out, n, d);
      if (tBuf.length < n) tBuf = new Float64Array(n);
      tBuf.fill(t, 0, n);
      prepare(tBuf, x, n);
      out.set(net.forward(input, n));
      rows = n; // as evaluate: backward may follow
    },
  });
}
