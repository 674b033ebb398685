import { requireFinite, requireInterface, requirePositive } from "../base";
import type { NormalStream } from "../brownian";
import {
  checkChainArgs,
  checkFiniteState,
  Saver,
  type LangevinOptions,
  type LangevinResult,
} from "./options";
import type { LangevinTarget } from "./target";

/**
 * $x_{k+1} = x_k + h\,\nabla\log\pi(x_k) + \sqrt{2h}\,\xi_k$, $\xi_k \sim N(0, I_d)$: the
 * Euler–Maruyama step of $dX = \nabla\log\pi(X)\,dt + \sqrt2\,dW$, whose stationary law is π.
 * The chain's own stationary law is not π: its bias is O(h) (see {@link ulaStationaryVariance}).
 * Noise: n·d normals read from `noise` per step, in order. Throws naming the step if a state stops
 * being finite.
 * @param noise the $\xi_k$ (e.g. `normalStream(rng)`, which reproduces `fillNormal(rng, ξ)` per step)
 * @param target π, through its score only (the normaliser never enters): dim and score suffice
 * @param x0 (n, d) row-major starting points of n independent chains (copied)
 * @param options step h, steps K, saveEvery (states (S, n, d) time-major, steps 0 and K by default)
 * @see Roberts & Tweedie (1996), Bernoulli 2(4), 341–363, eq. (1.2) (ULA); Durmus & Moulines (2017), Ann. Appl. Probab. 27(3)
 */
export function unadjustedLangevin(
  noise: NormalStream,
  target: Pick<LangevinTarget, "dim" | "score">,
  x0: Float64Array,
  options: LangevinOptions,
): LangevinResult {
  const fn = "unadjustedLangevin";
  requireInterface(fn, "noise", noise, "a NormalStream (normalStream(rng))", ["normals"]);
  const n = checkChainArgs(fn, target, x0, options, ["score"]);
  const { step: h, steps: K } = options;
  const x = Float64Array.from(x0); // (n, d)
  const s = new Float64Array(x.length); // (n, d) scores
  const xi = new Float64Array(x.length); // (n, d) normals
  const saver = new Saver(options.saveEvery, K, h, x.length);
  const scale = Math.sqrt(2 * h);
  saver.save(0, x);
  for (let k = 1; k <= K; k++) {
    target.score(x, s, n);
    noise.normals(xi);
    for (let i = 0; i < x.length; i++) x[i] += h * s[i] + scale * xi[i];
    checkFiniteState(fn, x, target.dim, k, h);
    saver.save(k, x);
  }
  const { times, states } = saver;
  return { x, times, states, acceptance: new Float64Array(n).fill(1) };
}

/**
 * $v_h = \sigma^2 / (1 - h/(2\sigma^2))$: the exact stationary variance of ULA on
 * $\pi = N(m, \sigma^2)$, where the chain is the AR(1) recursion
 * $x_{k+1} - m = (1 - h/\sigma^2)(x_k - m) + \sqrt{2h}\,\xi_k$; stable for $0 < h < 2\sigma^2$.
 * @param variance σ² > 0 of the Gaussian target (per coordinate)
 * @param step h in (0, 2σ²)
 * @see Roberts & Tweedie (1996), Bernoulli 2(4), §1 (ULA on a Gaussian); Durmus & Moulines (2017), §1
 */
export function ulaStationaryVariance(variance: number, step: number): number {
  const fn = "ulaStationaryVariance";
  requirePositive(fn, "variance", variance);
  requireFinite(
    fn,
    "step",
    step,
    `in (0, 2·variance = ${2 * variance}) for a stable chain`,
    (h) => h > 0 && h < 2 * variance,
  );
  return variance / (1 - step / (2 * variance));
}
