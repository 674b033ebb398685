import { describeValue } from "../base";
import type { LinearProcess } from "../processes";
import type { ActivationName } from "./activation";
import type { GemmKernel } from "../linalg";
import { Mlp } from "./mlp";
import type { ScoreModel } from "./score-model";
import { timeEmbedding } from "./time-embedding";

/** What {@link scoreNet} builds. */
export interface ScoreNetOptions {
  /** d, data dimension */
  dim: number;
  /** hidden widths, e.g. [128, 128, 128] */
  hidden: number[];
  /** hidden activation (default "silu") */
  activation?: ActivationName;
  /** width of the sinusoidal time embedding (even); 0 (default) feeds t itself as one input */
  embedding?: number;
  /** "score" (default): $s_\theta = f_\theta$; "noise": $s_\theta = -f_\theta/\sigma_t$ (needs process) */
  output?: "score" | "noise";
  /** the forward process whose std(t) divides a "noise" output */
  process?: LinearProcess;
  kernel?: GemmKernel;
}

/**
 * $s_\theta(t, x) = f_\theta(x, e(t))$ or, with output "noise", $-f_\theta(x, e(t))/\sigma_t$ (the
 * network predicts ε, so it stays O(1) where the score blows up as $t\to 0$): an {@link Mlp}
 * $(d + E) \to \text{hidden} \to d$ as a {@link ScoreModel}. Parameters zero until `net.init(rng)`.
 * @param options dim, hidden, activation, embedding, output, process, kernel
 * @see Song & Ermon (2019), NeurIPS, §4.2 (noise-conditional score network); Ho et al. (2020), NeurIPS, eq. (11) (ε-prediction)
 */
export function scoreNet(options: ScoreNetOptions): ScoreModel & { net: Mlp } {
  const fn = "scoreNet";
  const {
    dim: d,
    hidden,
    activation = "silu",
    embedding = 0,
    output = "score",
    process,
    kernel,
  } = options;
  if (!Number.isInteger(d) || d < 1)
    throw new RangeError(`${fn}: dim must be a positive integer, got ${d}`);
  if (!Number.isInteger(embedding) || embedding < 0 || embedding % 2 !== 0) {
    throw new RangeError(
      `${fn}: embedding must be 0 or an even positive integer, got ${embedding}`,
    );
  }
  if (output !== "score" && output !== "noise") {
    throw new RangeError(`${fn}: output must be "score" or "noise", got ${describeValue(output)}`);
  }
  if (output === "noise" && (!process || typeof process.std !== "function")) {
    throw new TypeError(`${fn}: output "noise" needs a LinearProcess in options.process`);
  }
  const E = embedding === 0 ? 1 : embedding;
  const w = d + E;
  const net = new Mlp({ sizes: [w, ...hidden, d], activation, kernel });
  let cap = 0;
  let input = new Float64Array(0); // (n, d + E)
  let dir = new Float64Array(0); // (n, d + E), zero in the time columns
  let s = new Float64Array(0); // (n, d)
  let tan = new Float64Array(0); // (n, d)
  let g = new Float64Array(0); // (n, d)
  let gT = new Float64Array(0); // (n, d)
  let inv = new Float64Array(0); // (n) factor c_r: s = c_r f
  let tBuf = new Float64Array(0); // (n)
  const prepare = (t: Float64Array, x: Float64Array, n: number): void => {
    if (n > cap) {
      [input, dir] = [new Float64Array(n * w), new Float64Array(n * w)];
      [s, tan, g, gT] = [0, 0, 0, 0].map(() => new Float64Array(n * d));
      [inv, tBuf] = [new Float64Array(n), new Float64Array(n)];
      cap = n;
    }
    for (let r = 0; r < n; r++) for (let i = 0; i < d; i++) input[r * w + i] = x[r * d + i];
    if (embedding === 0) for (let r = 0; r < n; r++) input[r * w + d] = t[r];
    else timeEmbedding(t, input, n, embedding, w, d);
    for (let r = 0; r < n; r++)
      inv[r] = output === "noise" ? -1 / (process as LinearProcess).std(t[r]) : 1;
  };
  const scaled = (f: Float64Array, o: Float64Array, n: number): Float64Array => {
    for (let r = 0; r < n; r++) for (let i = 0; i < d; i++) o[r * d + i] = inv[r] * f[r * d + i];
    return o.subarray(0, n * d);
  };
  const model = {
    dim: d,
    net,
    params: net.params,
    grad: net.grad,
    zeroGrad: () => net.zeroGrad(),
    evaluate(t: Float64Array, x: Float64Array, n: number): Float64Array {
      prepare(t, x, n);
      return scaled(net.forward(input, n), s, n);
    },
    backward(gs: Float64Array, n: number): void {
      net.backward(scaled(gs, g, n), n);
    },
    evaluateTangent(t: Float64Array, x: Float64Array, v: Float64Array, n: number) {
      prepare(t, x, n);
      for (let r = 0; r < n; r++) for (let i = 0; i < d; i++) dir[r * w + i] = v[r * d + i];
      const res = net.forwardTangent(input, dir, n);
      return { score: scaled(res.out, s, n), tangent: scaled(res.tangent, tan, n) };
    },
    backwardTangent(gs: Float64Array, gt: Float64Array, n: number): void {
      net.backwardTangent(scaled(gs, g, n), scaled(gt, gT, n), n);
    },
    score(t: number, x: Float64Array, out: Float64Array, n: number): void {
      if (tBuf.length < n) tBuf = new Float64Array(n);
      tBuf.fill(t, 0, n);
      out.set(model.evaluate(tBuf, x, n));
    },
  };
  return Object.freeze(model);
}
