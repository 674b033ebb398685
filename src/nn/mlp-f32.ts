import { requireInteger, requireInterface, requireRowsAtLeast } from "../base";
import { createJsF32Kernels, createWasmF32Kernels, type F32Kernels } from "../fast";
import { checkSameRows } from "./checks";
import type { Mlp } from "./mlp";

const { tanh } = Math;
const up = (x: number, q: number): number => Math.ceil(x / q) * q;

/**
 * $f(x) = W_L\,\sigma(\cdots\sigma(W_1 x + b_1)\cdots) + b_L$ computed in float32: the float32 twin
 * of an {@link Mlp}'s forward and backward passes, reading that network's float64 parameters
 * (converted at each forward) and adding its float32 gradients into the network's float64 `grad`
 * (mixed precision with float64 master weights, so `Adam` and the objectives are unchanged).
 * Activations, weights and the products live in float32 in one kernel memory
 * ({@link createWasmF32Kernels}: f32x4 GEMM with the bias as its initial value, SiLU, Hadamard,
 * column sums). Each entry of $Z_l = H_{l-1}W_l^\top + b_l$ is a float32 dot product of length
 * $n_{l-1}$, within $\gamma_{n_{l-1}+1}\sum|\cdot|$ ($\gamma_k \approx k\,2^{-24}$) of the exact
 * value: outputs and gradients agree with the float64 Mlp to about $10^{-5}$ relative for
 * widths ~128 (test/nn/mlp-f32.test.ts), not to $10^{-12}$; finite-difference checks need
 * float32 tolerances (~1e-3 relative). Final: wrap, do not extend.
 * @see Micikevicius et al. (2018), "Mixed precision training", ICLR, §3.1 (master weights); Rumelhart, Hinton & Williams (1986), Nature 323, eq. (1)–(9)
 */
export class MlpF32 {
  readonly net: Mlp;
  readonly kernels: F32Kernels;
  private readonly s: readonly number[];
  private readonly P: number[];
  private capacity = 0;
  private rows = 0;
  // float offsets into kernels.view, set by layout()
  private wt: number[] = [];
  private wp: number[] = [];
  private bias: number[] = [];
  private h: number[] = [];
  private z: number[] = [];
  private d: number[] = [];
  private g: [number, number] = [0, 0];
  private gw = 0;
  private gb = 0;
  private out = new Float64Array(0);

  constructor(net: Mlp, kernels?: F32Kernels) {
    checkMlpF32Args("MlpF32", net, kernels);
    this.net = net;
    this.kernels = kernels ?? createWasmF32Kernels("MlpF32") ?? createJsF32Kernels("MlpF32");
    this.s = net.sizes;
    this.P = net.sizes.map((w) => up(w, this.kernels.cols));
  }

  /** Lays out every buffer for `n` rows (R = n rounded up to the GEMM's row block) and zeroes the memory. */
  private layout(n: number): void {
    const { s, P } = this;
    const L = s.length - 1;
    const R = up(n, this.kernels.rows);
    let off = 0;
    const take = (floats: number): number => {
      const at = off;
      off += floats;
      return at;
    };
    this.wt = [0];
    this.wp = [0];
    this.bias = [0];
    for (let l = 1; l <= L; l++) {
      this.wt.push(take(s[l - 1] * P[l]));
      this.wp.push(take(s[l] * P[l - 1]));
      this.bias.push(take(P[l]));
    }
    const maxP = Math.max(...P);
    this.gw = take(up(Math.max(...s), this.kernels.rows) * maxP);
    this.gb = take(maxP);
    this.h = P.map((p) => take(R * p));
    this.z = P.map((p, l) => (l === 0 || l === L ? 0 : take(R * p)));
    this.d = P.map((p, l) => (l === 0 || l === L ? 0 : take(R * p)));
    this.g = [take(R * maxP), take(R * maxP)];
    this.kernels.reserve(off);
    this.kernels.view.fill(0, 0, off);
    this.out = new Float64Array(n * s[L]);
    this.capacity = n;
  }

  /** Converts the network's float64 W_l and b_l into the padded float32 W_lᵀ, W_l and bias. */
  private loadParams(): void {
    const { s, P, net } = this;
    const v = this.kernels.view;
    const p = net.params;
    for (let l = 1; l < s.length; l++) {
      const [rows, cols, wo] = [s[l], s[l - 1], net.wOffset[l - 1]];
      const [wt, wp, Pl, Pk] = [this.wt[l], this.wp[l], P[l], P[l - 1]];
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          const x = p[wo + i * cols + j];
          v[wt + j * Pl + i] = x;
          v[wp + i * Pk + j] = x;
        }
      }
      const bo = net.bOffset[l - 1];
      for (let i = 0; i < rows; i++) v[this.bias[l] + i] = p[bo + i];
    }
  }

  /**
   * $f(x)$ for n rows, in float32. @param x (n, n_0) row-major, finite @param n rows
   * @returns (n, n_L) row-major as float64, a view valid until the next forward
   */
  forward(x: Float64Array, n: number): Float64Array {
    const fn = "MlpF32.forward";
    const { s, P, kernels: K } = this;
    const L = s.length - 1;
    requireInteger(fn, "n", n, 1);
    requireRowsAtLeast(fn, "x", x, n, s[0]);
    if (n > this.capacity) this.layout(n);
    this.loadParams();
    const v = K.view;
    const R = up(n, K.rows);
    for (let r = 0; r < n; r++)
      for (let i = 0; i < s[0]; i++) v[this.h[0] + r * P[0] + i] = x[r * s[0] + i];
    for (let l = 1; l <= L; l++) {
      const out = l === L ? this.h[L] : this.z[l];
      K.gemm(this.h[l - 1], P[l - 1], 1, this.wt[l], P[l], out, P[l], this.bias[l], 0, R, P[l], s[l - 1]); // prettier-ignore
      if (l < L) this.activate(out, this.h[l], this.d[l], R * P[l]);
    }
    this.rows = n;
    const o = this.out;
    for (let r = 0; r < n; r++)
      for (let i = 0; i < s[L]; i++) o[r * s[L] + i] = v[this.h[L] + r * P[L] + i];
    return o.subarray(0, n * s[L]);
  }

  /** h = σ(z), d = σ′(z) over len floats of the kernel memory. */
  private activate(z: number, h: number, d: number, len: number): void {
    const act = this.net.activation;
    if (act === "silu") return this.kernels.silu(z, h, d, len);
    const v = this.kernels.view;
    for (let i = 0; i < len; i++) {
      const zi = v[z + i];
      if (act === "relu") {
        v[h + i] = zi > 0 ? zi : 0;
        v[d + i] = zi > 0 ? 1 : 0;
      } else {
        const t = Math.fround(tanh(zi));
        v[h + i] = t;
        v[d + i] = 1 - t * t;
      }
    }
  }

  /**
   * net.grad += $\partial(\sum G\cdot f)/\partial\theta$ (float32 products, added in float64) after
   * forward on the same rows; gIn, when given, receives $G\,\partial f/\partial x$.
   * @param gOut (n, n_L) @param n rows @param gIn (n, n_0) or undefined
   */
  backward(gOut: Float64Array, n: number, gIn?: Float64Array): void {
    const fn = "MlpF32.backward";
    const { s, P, kernels: K, net } = this;
    const L = s.length - 1;
    checkSameRows(fn, n, this.rows, "forward");
    requireRowsAtLeast(fn, "gOut", gOut, n, s[L]);
    if (gIn !== undefined) requireRowsAtLeast(fn, "gIn", gIn, n, s[0], { finite: false });
    const v = K.view;
    const R = up(n, K.rows);
    let [G, GH] = this.g;
    v.fill(0, G, G + R * P[L]);
    for (let r = 0; r < n; r++)
      for (let i = 0; i < s[L]; i++) v[G + r * P[L] + i] = gOut[r * s[L] + i];
    const grad = net.grad;
    for (let l = L; l >= 1; l--) {
      const [rows, cols] = [s[l], s[l - 1]];
      K.gemm(G, 1, P[l], this.h[l - 1], P[l - 1], this.gw, P[l - 1], -1, 0, up(rows, K.rows), P[l - 1], n); // prettier-ignore
      K.columnSums(G, P[l], this.gb, n, P[l]);
      const [wo, bo] = [net.wOffset[l - 1], net.bOffset[l - 1]];
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) grad[wo + i * cols + j] += v[this.gw + i * P[l - 1] + j];
        grad[bo + i] += v[this.gb + i];
      }
      if (l === 1 && !gIn) break;
      K.gemm(G, P[l], 1, this.wp[l], P[l - 1], GH, P[l - 1], -1, 0, R, P[l - 1], rows);
      if (l > 1) K.hadamard(GH, this.d[l - 1], R * P[l - 1]);
      else {
        const gi = gIn as Float64Array;
        for (let r = 0; r < n; r++)
          for (let i = 0; i < cols; i++) gi[r * cols + i] = v[GH + r * P[0] + i];
      }
      [G, GH] = [GH, G];
    }
  }
}

/**
 * $f(x) = W_L\,\sigma(\cdots\sigma(W_1 x + b_1)\cdots) + b_L$ in float32: the float32 passes of an
 * {@link Mlp} (see {@link MlpF32}); gradients go into net.grad.
 * @param net the float64 network whose parameters are read and whose grad is added into
 * @param kernels the float32 kernels (default: WebAssembly f32x4 where available, else plain JS)
 * @see Micikevicius et al. (2018), "Mixed precision training", ICLR, §3.1
 */
export function mlpF32(net: Mlp, kernels?: F32Kernels): MlpF32 {
  checkMlpF32Args("mlpF32", net, kernels);
  return new MlpF32(net, kernels);
}

/** Throws unless net is an Mlp and kernels undefined or F32Kernels; `fn` names the caller. */
function checkMlpF32Args(fn: string, net: unknown, kernels: unknown): void {
  requireInterface(fn, "net", net, "an Mlp (from mlp)", ["forward", "backward", "init"]);
  if (kernels === undefined) return;
  requireInterface(fn, "kernels", kernels, "F32Kernels (from createWasmF32Kernels)", [
    "gemm",
    "silu",
    "hadamard",
    "columnSums",
    "reserve",
  ]);
}
