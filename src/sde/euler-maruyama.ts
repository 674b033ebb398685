import { eulerMaruyamaDiagonal } from "../fast";
import type { Sde } from "./sde";
import { defineSolver } from "./define-solver";
import type { Solver, Stepper } from "./solver";
import { addNoise, allFinite, stepShape, type StepShape } from "./noise-product";
import { checkStepArgs } from "./step-checks";

/**
 * One Euler–Maruyama step for diagonal noise, $X_{k+1} = X_k + f(t_k, X_k)\,h + g(t_k, X_k)\,\Delta W_k$,
 * entry by entry: the reference version, as the scheme reads. The solver runs its fast twin
 * `eulerMaruyamaDiagonal` (src/fast/euler-maruyama-diagonal.ts: unrolled, finiteness check fused),
 * bit-identical to this loop (test/fast/euler-maruyama-diagonal.test.ts); `x[i] + f h + g ΔW` is
 * summed left to right in both, so it is written out instead of `x[i] += …`.
 * @param x (n, d) row-major $X_k$, overwritten with $X_{k+1}$
 * @param f (n, d) drift $f(t_k, X_k)$
 * @param g (n, d) diffusion, or (1, d) shared by every state when `shared` (additive noise)
 * @param dW (n, d) Brownian increments $\Delta W_k$, variance |h|
 * @param h step $t_{k+1} - t_k$
 * @returns whether every entry of $X_{k+1}$ is finite
 * @see Kloeden & Platen (1992), §10.2, eq. (10.2.2); Higham (2001), SIAM Review 43(3), eq. (3.1)
 */
export function eulerMaruyamaUpdate(
  x: Float64Array,
  f: Float64Array,
  g: Float64Array,
  dW: Float64Array,
  h: number,
  n: number,
  d: number,
  shared: boolean,
): boolean {
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) {
      const i = r * d + j;
      x[i] = x[i] + f[i] * h + g[shared ? j : i] * dW[i];
    }
  }
  return allFinite(x, n * d);
}

class EulerMaruyamaStepper implements Stepper {
  private readonly s: StepShape;
  private readonly f: Float64Array; // (n, d)
  private readonly g: Float64Array; // (rows, d) diagonal or (rows, d, m) general; rows = 1 if additive
  constructor(
    private readonly sde: Sde,
    private readonly n: number,
  ) {
    this.s = stepShape(sde, n);
    this.f = new Float64Array(this.s.nd);
    this.g = new Float64Array(this.s.gSize);
  }
  step(t: number, h: number, x: Float64Array, dW: Float64Array): boolean {
    const { sde, n, f, g } = this;
    const { rows, diagonal } = this.s;
    checkStepArgs("eulerMaruyama.step", sde, n, t, h, x, dW, null, false);
    const d = sde.dim;
    sde.drift(t, x, f, n);
    sde.diffusion(t, x, g, rows);
    if (diagonal) return eulerMaruyamaDiagonal(x, f, g, dW, h, n, d, rows === 1);
    for (let i = 0; i < n * d; i++) x[i] += f[i] * h;
    addNoise(x, g, rows === 1, dW, 1, n, d, sde.noiseDim, false);
    return allFinite(x, n * d);
  }
}

/**
 * Euler–Maruyama: $X_{k+1} = X_k + f(t_k, X_k)\,h_k + g(t_k, X_k)\,\Delta W_k$ (Itô).
 * Strong order 1/2 with multiplicative noise, 1 with additive noise; weak order 1.
 * The update for diagonal noise is {@link eulerMaruyamaUpdate}, run by its fast twin.
 * @see Kloeden & Platen (1992), §10.2, eq. (10.2.2); Higham (2001), SIAM Review 43(3), eq. (3.1)
 */
export const eulerMaruyama: Solver = defineSolver(
  {
    name: "eulerMaruyama",
    calculus: "ito",
    strongOrder: { additive: 1, diagonal: 0.5, general: 0.5 },
    weakOrder: { additive: 1, diagonal: 1, general: 1 },
    levyArea: false,
    diffusionDerivative: false,
  },
  (sde, n) => new EulerMaruyamaStepper(sde, n),
);
