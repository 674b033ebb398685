import type { Sde } from "./sde";
import { defineSolver } from "./define-solver";
import type { Solver, Stepper } from "./solver";
import { addNoise, allFinite, stepShape, type StepShape } from "./noise-product";
import { checkStepArgs } from "./step-checks";

class MilsteinStepper implements Stepper {
  private readonly s: StepShape;
  private readonly f: Float64Array; // (n, d)
  private readonly g: Float64Array; // (n, d) diagonal; additive: (1, d) or (1, d, m), shared
  private readonly dg: Float64Array; // (n, d), ∂g_i/∂x_i; empty for additive noise
  constructor(
    private readonly sde: Sde,
    private readonly n: number,
  ) {
    this.s = stepShape(sde, n);
    this.f = new Float64Array(this.s.nd);
    this.g = new Float64Array(this.s.gSize);
    this.dg = new Float64Array(sde.additive ? 0 : this.s.nd);
  }
  step(t: number, h: number, x: Float64Array, dW: Float64Array): boolean {
    const { sde, n, f, g, dg } = this;
    const { nd, rows, diagonal } = this.s;
    checkStepArgs("milstein.step", sde, n, t, h, x, dW, null, false);
    sde.drift(t, x, f, n);
    sde.diffusion(t, x, g, rows);
    if (sde.additive) {
      // g' = 0: the correction vanishes and the scheme is Euler–Maruyama
      for (let i = 0; i < nd; i++) x[i] += f[i] * h;
      addNoise(x, g, true, dW, 1, n, sde.dim, sde.noiseDim, diagonal);
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
export const milstein: Solver = defineSolver(
  {
    name: "milstein",
    calculus: "ito",
    strongOrder: { additive: 1, diagonal: 1 },
    weakOrder: { additive: 1, diagonal: 1 },
    levyArea: false,
    diffusionDerivative: true,
  },
  (sde, n) => new MilsteinStepper(sde, n),
);
