import { requireBatchAt, requireFunction, requireInteger, requireInterface } from "../base";
import { requireOneOf, requireOption, requireOptions } from "../base";
import type { ScoreFunction } from "../score";
import type { Sde } from "../sde";
import { requireVelocity } from "./flow-ode";
import type { VelocityFunction } from "./velocity-function";

/** Which way an {@link interpolantSde} runs. */
export interface InterpolantSdeOptions {
  /** "reverse" (default): drift $u - \tfrac12 g^2\nabla\log p_t$, for a grid from T to 0 (sampling); "forward": $u + \tfrac12 g^2\nabla\log p_t$, for a grid from 0 to T */
  direction?: "reverse" | "forward";
}

/**
 * $dX = \big[u(t, X) \pm \tfrac12 g(t)^2\nabla_x\log p_t(X)\big]\,dt + g(t)\,dW$: for every
 * diffusion level g ≥ 0 an SDE with the marginals $p_t$ of the flow $\dot x = u$ (its Fokker–Planck
 * equation is the continuity equation $\partial_t p + \nabla\cdot(p\,u) = 0$, because
 * $\tfrac12 g^2\nabla\cdot(p\nabla\log p) = \tfrac12 g^2\Delta p$). "forward" (+) runs from 0 to T;
 * "reverse" (−) is its time reversal (Anderson), integrated on a grid from T to 0 with
 * $\Delta W$ of variance $|h|$, as `reverseSde` is. g = 0 gives the flow ODE.
 * @param velocity the marginal velocity u, dimension d
 * @param score $\nabla\log p_t$ of the same marginals, dimension d
 * @param diffusion g(t), returning a finite g ≥ 0 (checked at each call)
 * @param options direction ("reverse" by default)
 * @see Albergo, Boffi & Vanden-Eijnden (2023), arXiv:2303.08797, §2.3 (forward and backward SDEs with diffusion ε(t) = g²/2); Song et al. (2021), ICLR, eq. (6), (13)
 */
export function interpolantSde(
  velocity: VelocityFunction,
  score: ScoreFunction,
  diffusion: (t: number) => number,
  options: InterpolantSdeOptions = {},
): Sde {
  const fn = "interpolantSde";
  const d = requireVelocity(fn, velocity);
  requireInterface(fn, "score", score, "a ScoreFunction (with score(t, x, out, n))", ["score"]);
  requireInteger(fn, "score.dim", score.dim, 1);
  if (score.dim !== d) {
    throw new RangeError(`${fn}: score.dim must equal velocity.dim = ${d}, got ${score.dim}`);
  }
  requireFunction(fn, "diffusion", diffusion);
  const o = requireOptions(fn, options);
  const direction = requireOption(fn, o, "options.direction", "reverse", (f, name, v) =>
    requireOneOf(f, name, v, ["reverse", "forward"] as const),
  );
  const sign = direction === "forward" ? 0.5 : -0.5;
  const levelAt = (method: string, t: number): number => {
    const g: unknown = diffusion(t);
    if (typeof g !== "number" || !(g >= 0 && g < Infinity)) {
      throw new RangeError(
        `${method}: diffusion(t) must return a finite g >= 0, got ${g} at t = ${t}`,
      );
    }
    return g;
  };
  let s = new Float64Array(0); // (n, d) the score at the states
  return Object.freeze({
    dim: d,
    noiseDim: d,
    noise: "diagonal",
    additive: true,
    calculus: "ito",
    drift(t: number, x: Float64Array, out: Float64Array, n: number): void {
      const method = `${fn}.drift`;
      requireBatchAt(method, t, x, out, n, d, { finite: false });
      const g = levelAt(method, t);
      velocity.velocity(t, x, out, n);
      if (g === 0) return;
      if (s.length < n * d) s = new Float64Array(n * d);
      score.score(t, x, s, n);
      const c = sign * g * g;
      for (let i = 0; i < n * d; i++) out[i] += c * s[i];
    },
    diffusion(t: number, x: Float64Array, out: Float64Array, n: number): void {
      const method = `${fn}.diffusion`;
      requireBatchAt(method, t, x, out, n, d, { finite: false });
      out.fill(levelAt(method, t), 0, n * d);
    },
  } as const);
}
