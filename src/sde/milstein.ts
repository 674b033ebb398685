import type { Sde } from "./sde";
import type { Solver, Stepper } from "./solver";
import { addNoise, allFinite, diffusionRows, diffusionSize } from "./noise-product";
import { checkStepArgs, checkStepperArgs } from "./step-checks";

class MilsteinStepper implements Stepper {
  private readonly f: Float64Array; // (n, d)
  private readonly g: Float64Array; // (n, d) diagonal; additive: (1, d) or (1, d, m), shared
  private readonly dg: Float64Array; // (n, d), ∂g_i/∂x_i; empty for additive noise
  private readonly rows: number;
  private readonly diagonal: boolean;
  constructor(
    private readonly sde: Sde,
    private readonly n: number,
  ) {
    this.diagonal = sde.noise === "diagonal";
    this.rows = diffusionRows(n, sde.additive);
    this.f = new Float64Array(n * sde.dim);
    this.g = new Float64Array(diffusionSize(this.rows, sde.dim, sde.noiseDim, this.diagonal));
    this.dg = new Float64Array(sde.additive ? 0 : n * sde.dim);
  }
  step(t: number, h: number, x: Float64Array, dW: Float64Array): boolean {
    const { sde, n, f, g, dg } = this;
    checkStepArgs("milstein.step", sde, n, t, h, x, dW, null, false);
    const nd = n * sde.dim;
    sde.drift(t, x, f, n);
    sde.diffusion(t, x, g, this.rows);
    if (sde.additive) {
      // g' = 0: the correction vanishes and the scheme is Euler–Maruyama
      for (let i = 0; i < nd; i++) x[i] += f[i] * h;
      addNoise(x, g, true, dW, 1, n, sde.dim, sde.noiseDim, this.diagonal);
      return allFinite(x, nd);
    }
    (sde.diffusionDerivative as NonNullable<Sde["diffusionDerivative"]>)(t, x, dg, n);
    const a = h < 0 ? -h : h; // E ΔW² = |h|, also on a backward grid
    for (let i = 0; i < nd; i++) {
      const w = dW[i];
      x[i] = x[i] + f[i] * h + g[i] * w + 0.5 * g[i] * dg[i] * (w * w - a);
    }
    return allFinite(x, nd);
  }
}

/**
 * Milstein: $X_{k+1} = X_k + f h + g\,\Delta W + \tfrac12 g\,\partial_x g\,(\Delta W^2 - |h|)$ (Itô),
 * componentwise for diagonal noise; needs `sde.diffusionDerivative` unless the noise is additive.
 * Strong order 1, weak order 1; general multiplicative noise would need Lévy areas (unsupported).
 * @see Kloeden & Platen (1992), §10.3, eq. (10.3.4); Higham (2001), SIAM Review 43(3), eq. (6.1)
 */
export const milstein: Solver = Object.freeze({
  name: "milstein",
  calculus: "ito",
  strongOrder: Object.freeze({ additive: 1, diagonal: 1 }),
  weakOrder: Object.freeze({ additive: 1, diagonal: 1 }),
  levyArea: false,
  diffusionDerivative: true,
  stepper: (sde: Sde, n: number): Stepper => {
    checkStepperArgs("milstein.stepper", milstein, sde, n);
    return new MilsteinStepper(sde, n);
  },
});
