import { requireBatchAt, requireInteger, requireInterface, requireTime } from "../base";
import type { ScoreFunction } from "../score";
import { requireVelocity } from "./flow-ode";
import { requirePath, type ProbabilityPath } from "./probability-path";
import type { VelocityFunction } from "./velocity-function";

/**
 * $s(t, x) = -\dfrac{\alpha_t u(t, x) - \dot\alpha_t x}{\sigma_t(\alpha_t\dot\sigma_t - \sigma_t\dot\alpha_t)}$:
 * a velocity read as the score of the same marginals ($\hat\varepsilon = (\alpha u - \dot\alpha x)/\Delta$,
 * $s = -\hat\varepsilon/\sigma$), so a flow-matching model drives score-based samplers. Defined where
 * $\sigma_t > 0$, $\dot\sigma_t$ is finite and $\Delta \ne 0$ (a RangeError names t elsewhere: the
 * linear path's t = 0).
 * @param velocity the velocity u, dimension d
 * @param path the path u belongs to
 * @see Lipman et al. (2023), ICLR, Theorem 3; Song et al. (2021), ICLR, eq. (13)
 */
export function velocityToScore(velocity: VelocityFunction, path: ProbabilityPath): ScoreFunction {
  const fn = "velocityToScore";
  const d = requireVelocity(fn, velocity);
  requirePath(fn, path);
  return Object.freeze({
    dim: d,
    score(t: number, x: Float64Array, out: Float64Array, n: number): void {
      const method = `${fn}.score`;
      requireBatchAt(method, t, x, out, n, d);
      const s = requireTime(method, "t", t, path.T, { slack: true });
      const [a, sig, aDot, sDot] = [path.scale(s), path.std(s), path.scaleRate(s), path.stdRate(s)];
      const c = sig * (a * sDot - sig * aDot); // σΔ
      if (!(sig > 0 && Number.isFinite(c) && c !== 0)) {
        throw new RangeError(
          `${method}: t = ${s} must have σ_t > 0, a finite σ̇_t and α_tσ̇_t ≠ σ_tα̇_t (the score divides by σ_tΔ = ${c})`,
        );
      }
      velocity.velocity(s, x, out, n);
      for (let i = 0; i < n * d; i++) out[i] = -(a * out[i] - aDot * x[i]) / c;
    },
  });
}

/**
 * $u(t, x) = \dfrac{\dot\alpha_t}{\alpha_t}x + \Big(\dfrac{\dot\alpha_t\sigma_t^2}{\alpha_t} - \sigma_t\dot\sigma_t\Big)s(t, x)$:
 * a score read as the marginal velocity of a path ($\hat x_0 = (x + \sigma^2 s)/\alpha$ by Tweedie,
 * $\hat\varepsilon = -\sigma s$, $u = \dot\alpha\hat x_0 + \dot\sigma\hat\varepsilon$). For the VP path this
 * is the probability-flow drift $-\tfrac12\beta(t)(x + s)$. Needs $\alpha_t \ne 0$ (a RangeError
 * names t elsewhere: the linear path's t = 1).
 * @param score the score $\nabla\log p_t$ of the path's marginals, dimension d
 * @param path the path
 * @see Song et al. (2021), ICLR, eq. (13); Efron (2011), JASA 106(496) (Tweedie's formula)
 */
export function scoreToVelocity(score: ScoreFunction, path: ProbabilityPath): VelocityFunction {
  const fn = "scoreToVelocity";
  requireInterface(fn, "score", score, "a ScoreFunction (with score(t, x, out, n))", ["score"]);
  const d = requireInteger(fn, "score.dim", score.dim, 1);
  requirePath(fn, path);
  return Object.freeze({
    dim: d,
    velocity(t: number, x: Float64Array, out: Float64Array, n: number): void {
      const method = `${fn}.velocity`;
      requireBatchAt(method, t, x, out, n, d);
      const s = requireTime(method, "t", t, path.T, { slack: true });
      const [a, sig, aDot] = [path.scale(s), path.std(s), path.scaleRate(s)];
      if (a === 0) throw new RangeError(`${method}: t = ${s} must have α_t ≠ 0, got α_t = 0`);
      const sigmaSigmaRate = 0.5 * path.varianceRate(s);
      score.score(s, x, out, n);
      const cx = aDot / a;
      const cs = (aDot * sig * sig) / a - sigmaSigmaRate;
      for (let i = 0; i < n * d; i++) out[i] = cx * x[i] + cs * out[i];
    },
  });
}
