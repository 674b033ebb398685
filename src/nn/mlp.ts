import { requireInteger, requireInterface, requireRowsAtLeast } from "../base";
import type { Rng } from "../rng";
import { activate, type ActivationName } from "./activation";
import { gemmNN, gemmNT, gemmTN } from "../linalg";
import type { GemmKernel } from "../linalg";
import { addBlock, hadamardInPlace } from "../fast";
import { checkSameRows } from "./checks";
import { checkMlpOptions, type MlpOptions } from "./mlp-options";
import type { MlpState, TangentCache } from "./mlp-state";
import { backwardTangent, forwardTangent } from "./mlp-tangent";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { sqrt } = Math;

/**
 * $f(x) = W_L\,\sigma(\cdots\sigma(W_1 x + b_1)\cdots) + b_L$ on a batch: a multilayer perceptron
 * with a hand-written backward pass. Parameters in one Float64Array, layer by layer $W_l$
 * $(n_l, n_{l-1})$ row-major then $b_l$ $(n_l)$; `grad` has the same layout and is accumulated
 * into by `backward` (call `zeroGrad` between steps). `forward` keeps what `backward` needs, so
 * the two alternate. Final: wrap, do not extend.
 * @see Rumelhart, Hinton & Williams (1986), Nature 323, eq. (1)–(9) (back-propagation)
 */
export class Mlp implements MlpState {
  readonly sizes: readonly number[];
  readonly activation: ActivationName;
  readonly params: Float64Array;
  readonly grad: Float64Array;
  /** offsets of $W_l$ and $b_l$ in params, l = 1..L (index l - 1) */
  readonly wOffset: number[] = [];
  readonly bOffset: number[] = [];
  /** @internal per layer l = 0..L: H_l (n, n_l); Z_l and σ'(Z_l) for l ≥ 1 */
  h: Float64Array[] = [];
  /** @internal */ z: Float64Array[] = [];
  /** @internal */ dz: Float64Array[] = [];
  /** @internal */ gz: Float64Array[] = [];
  /** @internal */ readonly kernel: GemmKernel | undefined;
  /** @internal */ tangent: TangentCache | null = null;
  /** @internal rows the buffers hold */ capacity = 0;
  /** @internal rows of the last forward (0 before the first) */ rows = 0;
  /** @internal rows of the last forwardTangent (0 before the first) */ tangentRows = 0;

  constructor(options: MlpOptions) {
    const { sizes, activation, kernel } = checkMlpOptions("Mlp", options);
    this.sizes = Object.freeze([...sizes]);
    this.activation = activation;
    this.kernel = kernel;
    let off = 0;
    for (let l = 1; l < sizes.length; l++) {
      this.wOffset.push(off);
      off += sizes[l] * sizes[l - 1];
      this.bOffset.push(off);
      off += sizes[l];
    }
    this.params = new Float64Array(off);
    this.grad = new Float64Array(off);
  }

  /** number of layers L */
  get layers(): number {
    return this.sizes.length - 1;
  }

  /** $W_l$ (n_l, n_{l-1}) as a view into params, l = 1..L */
  weight(l: number): Float64Array {
    requireInteger("Mlp.weight", "l", l, 1);
    if (l > this.layers) {
      throw new RangeError(`Mlp.weight: l must be a layer in [1, ${this.layers}], got ${l}`);
    }
    return this.params.subarray(this.wOffset[l - 1], this.bOffset[l - 1]);
  }

  /** PyTorch's default: $W, b \sim U(-1/\sqrt{n_{l-1}}, 1/\sqrt{n_{l-1}})$. */
  init(rng: Rng): this {
    requireInterface("Mlp.init", "rng", rng, "an Rng", ["uniform"]);
    for (let l = 1; l <= this.layers; l++) {
      const bound = 1 / sqrt(this.sizes[l - 1]);
      const end = this.bOffset[l - 1] + this.sizes[l];
      for (let i = this.wOffset[l - 1]; i < end; i++)
        this.params[i] = bound * (2 * rng.uniform() - 1);
    }
    return this;
  }

  zeroGrad(): void {
    this.grad.fill(0);
  }

  /** @internal grows the per-row buffers to n rows */
  reserve(n: number): void {
    requireInteger("Mlp.reserve", "n", n, 1);
    if (n <= this.capacity) return;
    const s = this.sizes;
    this.h = s.map((w) => new Float64Array(n * w));
    this.z = s.map((w) => new Float64Array(n * w));
    this.dz = s.map((w) => new Float64Array(n * w));
    this.gz = s.map((w) => new Float64Array(n * w));
    this.tangent = null;
    this.capacity = n;
    this.rows = 0; // the new buffers hold no pass yet
    this.tangentRows = 0;
  }

  /**
   * $f(x)$ for n rows. @param x (n, n_0) row-major @param n rows
   * @returns (n, n_L) row-major, a view valid until the next forward
   */
  forward(x: Float64Array, n: number): Float64Array {
    const s = this.sizes;
    requireInteger("Mlp.forward", "n", n, 1);
    requireRowsAtLeast("Mlp.forward", "x", x, n, s[0]);
    this.reserve(n);
    this.rows = n;
    this.tangentRows = 0; // a forwardTangent sets it after this pass; any other forward voids it
    this.h[0].set(x.subarray(0, n * s[0]));
    const L = this.layers;
    for (let l = 1; l <= L; l++) {
      const out = l === L ? this.h[l] : this.z[l];
      gemmNT(this.h[l - 1], this.weight(l), out, n, s[l], s[l - 1], false, this.kernel);
      addBlock(out, 0, s[l], this.params, this.bOffset[l - 1], 0, n, s[l]); // addBias: Z += 1 bᵀ
      if (l < L) activate(this.activation, out, this.h[l], this.dz[l], n * s[l]);
    }
    return this.h[L].subarray(0, n * s[L]);
  }

  /**
   * grad += $\partial(\sum G\cdot f)/\partial\theta$ after forward on the same rows; gIn, when given,
   * receives $G\,\partial f/\partial x$. @param gOut (n, n_L) @param n rows @param gIn (n, n_0) or undefined
   */
  backward(gOut: Float64Array, n: number, gIn?: Float64Array): void {
    const s = this.sizes;
    const L = this.layers;
    checkSameRows("Mlp.backward", n, this.rows, "forward");
    requireRowsAtLeast("Mlp.backward", "gOut", gOut, n, s[L]);
    if (gIn !== undefined)
      requireRowsAtLeast("Mlp.backward", "gIn", gIn, n, s[0], { finite: false });
    let g = gOut;
    for (let l = L; l >= 1; l--) {
      gemmTN(
        g,
        this.h[l - 1],
        this.grad.subarray(this.wOffset[l - 1]),
        s[l],
        s[l - 1],
        n,
        true,
        this.kernel,
      );
      addBlock(this.grad, this.bOffset[l - 1], 0, g, 0, s[l], n, s[l]); // columnSums: ∂b += 1ᵀG
      if (l === 1 && !gIn) break;
      const gh = l === 1 ? (gIn as Float64Array) : this.gz[l - 1];
      gemmNN(g, this.weight(l), gh, n, s[l - 1], s[l], false, this.kernel);
      if (l > 1) hadamardInPlace(gh, this.dz[l - 1], n * s[l - 1]); // hadamard: G ⊙ σ'(Z)
      g = gh;
    }
  }

  /**
   * $(f(x), J_f(x)v)$ with the Jacobian-vector product by forward-mode differentiation.
   * @param x (n, n_0) @param v (n, n_0) directions @param n rows
   * @returns out (n, n_L) and tangent (n, n_L), views valid until the next call
   */
  forwardTangent(
    x: Float64Array,
    v: Float64Array,
    n: number,
  ): { out: Float64Array; tangent: Float64Array } {
    requireInteger("Mlp.forwardTangent", "n", n, 1);
    requireRowsAtLeast("Mlp.forwardTangent", "x", x, n, this.sizes[0]);
    requireRowsAtLeast("Mlp.forwardTangent", "v", v, n, this.sizes[0]);
    return forwardTangent(this, x, v, n);
  }

  /** grad += $\partial(\sum G\cdot f + \sum G_T\cdot Jv)/\partial\theta$ after forwardTangent. @param gOut (n, n_L) @param gTangent (n, n_L) */
  backwardTangent(gOut: Float64Array, gTangent: Float64Array, n: number): void {
    const L = this.layers;
    checkSameRows("Mlp.backwardTangent", n, this.tangentRows, "forwardTangent");
    requireRowsAtLeast("Mlp.backwardTangent", "gOut", gOut, n, this.sizes[L]);
    requireRowsAtLeast("Mlp.backwardTangent", "gTangent", gTangent, n, this.sizes[L]);
    backwardTangent(this, gOut, gTangent, n);
  }
}

/**
 * A multilayer perceptron $f = A_L\circ\sigma\circ A_{L-1}\circ\cdots\circ\sigma\circ A_1$,
 * $A_l(h) = W_l h + b_l$, parameters zero until `init(rng)`.
 * @param options sizes $(n_0, \dots, n_L)$, activation, kernel
 * @see Goodfellow, Bengio & Courville (2016), Deep Learning, §6.5, Algorithms 6.3–6.4
 */
export function mlp(options: MlpOptions): Mlp {
  checkMlpOptions("mlp", options);
  return new Mlp(options);
}
