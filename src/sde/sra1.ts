import type { Sde } from "./sde";
import { defineSolver } from "./define-solver";
import type { Solver, Stepper } from "./solver";
import { addNoise, allFinite, stepShape, type StepShape } from "./noise-product";
import { checkStepArgs } from "./step-checks";

class Sra1Stepper implements Stepper {
  private readonly s: StepShape; // additive noise only: rows = 1, g = g(t) serves every state
  private readonly f1: Float64Array; // (n, d)
  private readonly f2: Float64Array; // (n, d)
  private readonly g0: Float64Array; // g(t_k), shared by all states: (1, d) or (1, d, m)
  private readonly g1: Float64Array; // g(t_{k+1}), shared
  private readonly y: Float64Array; // (n, d) second stage H_2
  constructor(
    private readonly sde: Sde,
    private readonly n: number,
  ) {
    const s = (this.s = stepShape(sde, n));
    [this.f1, this.f2, this.y] = [s.nd, s.nd, s.nd].map((len) => new Float64Array(len));
    [this.g0, this.g1] = [s.gSize, s.gSize].map((len) => new Float64Array(len));
  }
  step(t: number, h: number, x: Float64Array, dW: Float64Array, dZ: Float64Array | null): boolean {
    const { sde, n, f1, f2, g0, g1, y } = this;
    const { nd, diagonal } = this.s;
    checkStepArgs("sra1.step", sde, n, t, h, x, dW, dZ, true);
    const d = sde.dim;
    const m = sde.noiseDim;
    const z = dZ as Float64Array;
    sde.drift(t, x, f1, n);
    sde.diffusion(t, x, g0, 1); // additive: x is ignored, one row serves every state
    sde.diffusion(t + h, x, g1, 1);
    // H_2 = X + 3/4 h f(t, X) + 3/2 g(t + h) ΔZ / h
    for (let i = 0; i < nd; i++) y[i] = x[i] + 0.75 * h * f1[i];
    addNoise(y, g1, true, z, 1.5 / h, n, d, m, diagonal);
    sde.drift(t + 0.75 * h, y, f2, n);
    // X + h (f_1/3 + 2 f_2/3) + g(t + h) ΔW + (g(t) − g(t + h)) ΔZ / h
    if (!diagonal) {
      for (let i = 0; i < nd; i++) x[i] += h * (f1[i] / 3 + (2 / 3) * f2[i]);
      addNoise(x, g1, true, dW, 1, n, d, m, false);
      addNoise(x, g0, true, z, 1 / h, n, d, m, false);
      addNoise(x, g1, true, z, -1 / h, n, d, m, false);
      return allFinite(x, nd);
    }
    const r = 1 / h;
    for (let row = 0; row < n; row++) {
      const o = row * d;
      for (let j = 0; j < d; j++) {
        const i = o + j;
        const zh = z[i] * r;
        x[i] = x[i] + h * (f1[i] / 3 + (2 / 3) * f2[i]) + g1[j] * (dW[i] - zh) + g0[j] * zh;
      }
    }
    return allFinite(x, nd);
  }
}

/**
 * Rößler's SRA1 for additive noise (Itô = Stratonovich): with $H_2 = X + \tfrac34 f(t,X)h +
 * \tfrac32 g(t+h)\Delta Z/h$, $X_{k+1} = X + (\tfrac13 f(t,X) + \tfrac23 f(t+\tfrac34h, H_2))h
 * + g(t+h)\Delta W + (g(t) - g(t+h))\Delta Z/h$, with $\Delta Z = I_{(1,0)}$.
 * Strong order 1.5, weak order 2, additive noise only; two drift evaluations per step.
 * @see Rößler (2010), SIAM J. Numer. Anal. 48(3), 922–952, method SRA1 (its tableau for additive
 *   noise: c0 = (0, 3/4), A0_21 = 3/4, B0_21 = 3/2, c1 = (1, 0), α = (1/3, 2/3), β1 = (1, 0), β2 = (−1, 1))
 */
export const sra1: Solver = defineSolver(
  {
    name: "sra1",
    calculus: "ito",
    strongOrder: { additive: 1.5 },
    weakOrder: { additive: 2 },
    levyArea: true,
    diffusionDerivative: false,
  },
  (sde, n) => new Sra1Stepper(sde, n),
);
