import {
  describeValue,
  requireBatchAt,
  requireInteger,
  requireOneOf,
  requireRowsAtLeast,
  requireTime,
} from "../base";
import { checkSameRows, checkTimesAndPoints } from "./checks";
import type { LinearProcess } from "../processes";
import type { ActivationName } from "./activation";
import { requireGemmKernel, type GemmKernel } from "../linalg";
import { Mlp } from "./mlp";
import { MlpF32 } from "./mlp-f32";
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
  /**
   * "float64" (default) or "float32": evaluate, backward and score run in float32 ({@link MlpF32}:
   * f32x4 kernels, float64 master parameters in `params`/`grad`, so Adam and the objectives are
   * unchanged); scores then agree with float64 to about 1e-5 relative, not 1e-12. The
   * Jacobian-vector passes (evaluateTangent, backwardTangent) stay float64.
   */
  precision?: "float64" | "float32";
}

/**
 * $s_\theta(t, x) = f_\theta(x, e(t))$ or, with output "noise", $-f_\theta(x, e(t))/\sigma_t$ (the
 * network predicts ε, so it stays O(1) where the score blows up as $t\to 0$): an {@link Mlp}
 * $(d + E) \to \text{hidden} \to d$ as a {@link ScoreModel}. Parameters zero until `net.init(rng)`.
 * @param options dim, hidden, activation, embedding, output, process, kernel, precision
 * @see Song & Ermon (2019), NeurIPS, §4.2 (noise-conditional score network); Ho et al. (2020), NeurIPS, eq. (11) (ε-prediction)
 */
export function scoreNet(options: ScoreNetOptions): ScoreModel & { net: Mlp } {
  const fn = "scoreNet";
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${fn}: options must be an object, got ${describeValue(options)}`);
  }
  const {
    dim: d,
    hidden,
    activation = "silu",
    embedding = 0,
    output = "score",
    process,
    kernel,
    precision = "float64",
  } = options;
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
  requireOneOf(fn, "options.output", output, ["score", "noise"] as const);
  if (output === "noise" && (!process || typeof process.std !== "function")) {
    throw new TypeError(
      `${fn}: options.process must be a LinearProcess for output "noise", got ${describeValue(process)}`,
    );
  }
  requireGemmKernel(fn, "options.kernel", kernel);
  const E = embedding === 0 ? 1 : embedding;
  const w = d + E;
  requireOneOf(fn, "options.precision", precision, ["float64", "float32"] as const);
  const net = new Mlp({ sizes: [w, ...hidden, d], activation, kernel });
  const passes: Pick<Mlp, "forward" | "backward"> = precision === "float32" ? new MlpF32(net) : net;
  let cap = 0;
  let input = new Float64Array(0); // (n, d + E)
  let dir = new Float64Array(0); // (n, d + E), zero in the time columns
  let s = new Float64Array(0); // (n, d)
  let tan = new Float64Array(0); // (n, d)
  let g = new Float64Array(0); // (n, d)
  let gT = new Float64Array(0); // (n, d)
  let inv = new Float64Array(0); // (n) factor c_r: s = c_r f
  let tBuf = new Float64Array(0); // (n)
  /** Fills input (and inv) for n rows; `scalar`: t holds one time repeated (score's t). */
  const prepare = (
    fn: string,
    t: Float64Array,
    x: Float64Array,
    n: number,
    scalar = false,
  ): void => {
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
      inv[r] = output === "noise" ? -1 / noiseStd(fn, scalar ? -1 : r, t[r]) : 1;
  };
  /** σ_{t_r} of the process, for t_r in [0, T] with σ > 0 (the ε-output divides by it). */
  const noiseStd = (fn: string, r: number, tr: number): number => {
    const p = process as LinearProcess;
    const std = tr >= 0 && tr <= p.T ? p.std(tr) : NaN;
    if (!(std > 0)) {
      const name = r < 0 ? "t" : `t[${r}]`; // built only on failure: this runs per row
      requireTime(fn, name, tr, p.T);
      throw new RangeError(
        `${fn}: ${name} must have std(t) > 0 for output "noise" (s = −f/σ_t), got ${tr}`,
      );
    }
    return std;
  };
  const scaled = (f: Float64Array, o: Float64Array, n: number): Float64Array => {
    for (let r = 0; r < n; r++) for (let i = 0; i < d; i++) o[r * d + i] = inv[r] * f[r * d + i];
    return o.subarray(0, n * d);
  };
  let rows = 0; // rows of the last evaluate (or evaluateTangent), for backward
  let tangentRows = 0; // rows of the last evaluateTangent, for backwardTangent
  const model = {
    dim: d,
    net,
    params: net.params,
    grad: net.grad,
    zeroGrad: () => net.zeroGrad(),
    evaluate(t: Float64Array, x: Float64Array, n: number): Float64Array {
      checkTimesAndPoints("scoreNet.evaluate", t, x, n, d);
      prepare("scoreNet.evaluate", t, x, n);
      const res = scaled(passes.forward(input, n), s, n);
      [rows, tangentRows] = [n, 0];
      return res;
    },
    backward(gs: Float64Array, n: number): void {
      checkSameRows("scoreNet.backward", n, rows, "evaluate");
      requireRowsAtLeast("scoreNet.backward", "gScore", gs, n, d, { widthName: "d" });
      passes.backward(scaled(gs, g, n), n);
    },
    evaluateTangent(t: Float64Array, x: Float64Array, v: Float64Array, n: number) {
      checkTimesAndPoints("scoreNet.evaluateTangent", t, x, n, d);
      requireRowsAtLeast("scoreNet.evaluateTangent", "v", v, n, d, { widthName: "d" });
      prepare("scoreNet.evaluateTangent", t, x, n);
      for (let r = 0; r < n; r++) for (let i = 0; i < d; i++) dir[r * w + i] = v[r * d + i];
      const res = net.forwardTangent(input, dir, n);
      [rows, tangentRows] = [n, n];
      return { score: scaled(res.out, s, n), tangent: scaled(res.tangent, tan, n) };
    },
    backwardTangent(gs: Float64Array, gt: Float64Array, n: number): void {
      const name = "scoreNet.backwardTangent";
      checkSameRows(name, n, tangentRows, "evaluateTangent");
      requireRowsAtLeast(name, "gScore", gs, n, d, { widthName: "d" });
      requireRowsAtLeast(name, "gTangent", gt, n, d, { widthName: "d" });
      net.backwardTangent(scaled(gs, g, n), scaled(gt, gT, n), n);
    },
    score(t: number, x: Float64Array, out: Float64Array, n: number): void {
      const name = "scoreNet.score";
      requireBatchAt(name, t, x, out, n, d);
      if (tBuf.length < n) tBuf = new Float64Array(n);
      tBuf.fill(t, 0, n);
      prepare(name, tBuf, x, n, true);
      out.set(scaled(passes.forward(input, n), s, n));
      [rows, tangentRows] = [n, 0]; // as evaluate: backward may follow
    },
  };
  return Object.freeze(model);
}
