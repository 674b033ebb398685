import type { Sde } from "./sde";
import { defineSolver } from "./define-solver";
import type { Solver, Stepper } from "./solver";
import { addNoise, allFinite, stepShape, type StepShape } from "./noise-product";
import { checkStepArgs } from "./step-checks";

class HeunStepper implements Stepper {
  private readonly s: StepShape;
  private readonly f0: Float64Array; // (n, d)
  private readonly f1: Float64Array; // (n, d)
  private readonly g0: Float64Array; // (rows, d) or (rows, d, m); rows = 1 if additive
  private readonly g1: Float64Array; // (rows, d) or (rows, d, m)
  private readonly y: Float64Array; // (n, d) predictor
  constructor(
    private readonly sde: Sde,
    private readonly n: number,
  ) {
    const s = (this.s = stepShape(sde, n));
    [this.f0, this.f1, this.y] = [s.nd, s.nd, s.nd].map((len) => new Float64Array(len));
    [this.g0, this.g1] = [s.gSize, s.gSize].map((len) => new Float64Array(len));
  }
  step(t: number, h: number, x: Float64Array, dW: Float64Array): boolean {
    const { sde, n, f0, f1, g0, g1, y } = this;
    const { nd, rows, diagonal } = this.s;
    checkStepArgs("stochasticHeun.step", sde, n, t, h, x, dW, null, false);
    const d = sde.dim;
    const m = sde.noiseDim;
    const shared = rows === 1;
    sde.drift(t, x, f0, n);
    sde.diffusion(t, x, g0, rows);
    for (let i = 0; i < nd; i++) y[i] = x[i] + f0[i] * h;
    addNoise(y, g0, shared, dW, 1, n, d, m, diagonal);
    sde.drift(t + h, y, f1, n);
    sde.diffusion(t + h, y, g1, rows);
    for (let i = 0; i < nd; i++) x[i] += 0.5 * (f0[i] + f1[i]) * h;
    addNoise(x, g0, shared, dW, 0.5, n, d, m, diagonal);
    addNoise(x, g1, shared, dW, 0.5, n, d, m, diagonal);
    return allFinite(x, nd);
  }
}

/**
 * Stochastic Heun (Stratonovich): $\tilde X = X_k + f(t_k,X_k)h + g(t_k,X_k)\Delta W$,
 * $X_{k+1} = X_k + \tfrac12[f(t_k,X_k) + f(t_{k+1},\tilde X)]h + \tfrac12[g(t_k,X_k) + g(t_{k+1},\tilde X)]\Delta W$.
 * Strong order 1 for commutative noise (additive, diagonal), 1/2 for general noise; weak order 1.
 * @see Rümelin (1982), SIAM J. Numer. Anal. 19(3), 604–613, the Heun scheme; Kloeden & Platen
 *   (1992), §15.1
 */
export const stochasticHeun: Solver = defineSolver(
  {
    name: "stochasticHeun",
    calculus: "stratonovich",
    strongOrder: { additive: 1, diagonal: 1, general: 0.5 },
    weakOrder: { additive: 1, diagonal: 1, general: 1 },
    levyArea: false,
    diffusionDerivative: false,
  },
  (sde, n) => new HeunStepper(sde, n),
);
