import { describeValue } from "../base";
import { fillNormal, type Rng } from "../rng";
import { checkChainArgs, Saver, type LangevinOptions, type LangevinResult } from "./options";
import type { LangevinTarget } from "./target";

/**
 * $x_{k+1} = x_k + h\,\nabla\log\pi(x_k) + \sqrt{2h}\,\xi_k$, $\xi_k \sim N(0, I_d)$: the
 * Euler–Maruyama step of $dX = \nabla\log\pi(X)\,dt + \sqrt2\,dW$, whose stationary law is π.
 * The chain's own stationary law is not π: its bias is O(h) (see {@link ulaStationaryVariance}).
 * Draw order: n·d normals per step. Throws naming the step if a state stops being finite.
 * @param rng generator (advanced)
 * @param target π, through its score only (the normaliser never enters)
 * @param x0 (n, d) row-major starting points of n independent chains (copied)
 * @param options step h, steps K, saveEvery (states (S, n, d) time-major)
 * @see Roberts & Tweedie (1996), Bernoulli 2(4), 341–363, eq. (1.2) (ULA); Durmus & Moulines (2017), Ann. Appl. Probab. 27(3)
 */
export function unadjustedLangevin(
  rng: Rng,
  target: LangevinTarget,
  x0: Float64Array,
  options: LangevinOptions,
): LangevinResult {
  const n = checkChainArgs("unadjustedLangevin", rng, target, x0, options);
  const { step: h, steps: K } = options;
  const x = Float64Array.from(x0); // (n, d)
  const s = new Float64Array(x.length); // (n, d) scores
  const xi = new Float64Array(x.length); // (n, d) normals
  const saver = new Saver(options.saveEvery ?? 0, K, x.length);
  const noise = Math.sqrt(2 * h);
  saver.save(0, x);
  for (let k = 1; k <= K; k++) {
    target.score(x, s, n);
    fillNormal(rng, xi);
    for (let i = 0; i < x.length; i++) x[i] += h * s[i] + noise * xi[i];
    if (!Number.isFinite(x.reduce((a, v) => a + v, 0))) {
      throw new RangeError(`unadjustedLangevin: state is not finite after step ${k} (h = ${h})`);
    }
    saver.save(k, x);
  }
  return { x, states: saver.states, acceptance: new Float64Array(n).fill(1) };
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
  if (typeof variance !== "number" || !(variance > 0) || !Number.isFinite(variance)) {
    throw new RangeError(
      `${fn}: variance must be a finite number > 0, got ${describeValue(variance)}`,
    );
  }
  if (typeof step !== "number" || !(step > 0) || !(step < 2 * variance)) {
    throw new RangeError(
      `${fn}: step must be in (0, 2·variance = ${2 * variance}) for a stable chain, got ${describeValue(step)}`,
    );
  }
  return variance / (1 - step / (2 * variance));
}
