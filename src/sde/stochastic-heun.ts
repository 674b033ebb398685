import type { Sde } from "./sde";
import type { Solver, Stepper } from "./solver";
import { addNoise, allFinite, diffusionRows, diffusionSize } from "./noise-product";
import { checkStepArgs, checkStepperArgs } from "./step-checks";

class HeunStepper implements Stepper {
  private readonly f0: Float64Array; // (n, d)
  private readonly f1: Float64Array; // (n, d)
  private readonly g0: Float64Array; // (rows, d) or (rows, d, m); rows = 1 if additive
  private readonly g1: Float64Array; // (rows, d) or (rows, d, m)
  private readonly y: Float64Array; // (n, d) predictor
  private readonly rows: number;
  private readonly diagonal: boolean;
  constructor(
    private readonly sde: Sde,
    private readonly n: number,
  ) {
    const nd = n * sde.dim;
    this.diagonal = sde.noise === "diagonal";
    this.rows = diffusionRows(n, sde.additive);
    const ng = diffusionSize(this.rows, sde.dim, sde.noiseDim, this.diagonal);
    this.f0 = new Float64Array(nd);
    this.f1 = new Float64Array(nd);
    this.g0 = new Float64Array(ng);
    this.g1 = new Float64Array(ng);
    this.y = new Float64Array(nd);
  }
  step(t: number, h: number, x: Float64Array, dW: Float64Array): boolean {
    const { sde, n, f0, f1, g0, g1, y, rows, diagonal } = this;
    checkStepArgs("stochasticHeun.step", sde, n, t, h, x, dW, null, false);
    const d = sde.dim;
    const m = sde.noiseDim;
    const nd = n * d;
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
export const stochasticHeun: Solver = Object.freeze({
  name: "stochasticHeun",
  calculus: "stratonovich",
  strongOrder: Object.freeze({ additive: 1, diagonal: 1, general: 0.5 }),
  weakOrder: Object.freeze({ additive: 1, diagonal: 1, general: 1 }),
  levyArea: false,
  diffusionDerivative: false,
  stepper: (sde: Sde, n: number): Stepper => {
    checkStepperArgs("stochasticHeun.stepper", stochasticHeun, sde, n);
    return new HeunStepper(sde, n);
  },
});
