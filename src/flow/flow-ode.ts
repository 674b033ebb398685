import { requireBatchAt, requireInteger, requireInterface } from "../base";
import type { Sde } from "../sde";
import type { VelocityFunction } from "./velocity-function";

/** Throws unless v is a VelocityFunction (a velocity method, an integer dim ≥ 1); returns dim. @internal */
export function requireVelocity(fn: string, v: unknown, name = "velocity"): number {
  requireInterface(fn, name, v, "a VelocityFunction (with velocity(t, x, out, n))", ["velocity"]);
  return requireInteger(fn, `${name}.dim`, (v as VelocityFunction).dim, 1);
}

/**
 * $\dfrac{dx}{dt} = u(t, x)$: the flow ODE of a velocity field, as an Sde with zero diffusion
 * (additive, diagonal), so every solver integrates it in either direction with `zeroNoise`:
 * `eulerMaruyama` is Euler's method (order 1), `stochasticHeun` Heun's (order 2). Run from
 * t = T (noise) to 0 (data) to sample.
 * @param velocity the field u, dimension d
 * @see Lipman et al. (2023), ICLR, eq. (1); Liu, Gong & Liu (2023), ICLR, eq. (1) (sampling by the ODE)
 */
export function flowOde(velocity: VelocityFunction): Sde {
  const fn = "flowOde";
  const d = requireVelocity(fn, velocity);
  return Object.freeze({
    dim: d,
    noiseDim: d,
    noise: "diagonal",
    additive: true,
    calculus: "ito",
    drift(t: number, x: Float64Array, out: Float64Array, n: number): void {
      requireBatchAt(`${fn}.drift`, t, x, out, n, d, { finite: false });
      velocity.velocity(t, x, out, n);
    },
    diffusion(t: number, x: Float64Array, out: Float64Array, n: number): void {
      requireBatchAt(`${fn}.diffusion`, t, x, out, n, d, { finite: false });
      out.fill(0, 0, n * d);
    },
  } as const);
}
