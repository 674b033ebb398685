import { requireInterface } from "../base";
import { fillNormal, type Rng } from "../rng";
import { checkChainArgs, Saver, type LangevinOptions, type LangevinResult } from "./options";
import type { LangevinTarget } from "./target";

/**
 * MALA: propose $y = x + h\,\nabla\log\pi(x) + \sqrt{2h}\,\xi$, accept with probability
 * $\min\{1, \pi(y)q(x\mid y)/(\pi(x)q(y\mid x))\}$, $q(y\mid x) \propto e^{-|y - x - h\nabla\log\pi(x)|^2/(4h)}$.
 * The Metropolis–Hastings correction makes π exactly invariant for every h: ULA's O(h) bias is
 * gone (only the mixing speed depends on h). Only ratios of π enter: the normaliser cancels.
 * Draw order per step: n·d normals (proposals), then n uniforms (accept/reject). It takes an Rng,
 * not a noise stream as ULA does: the accept/reject step needs uniforms interleaved with the normals.
 * @param rng generator (advanced)
 * @param target π: unnormalised log-density and score
 * @param x0 (n, d) row-major starting points of n independent chains (copied)
 * @param options step h, steps K, saveEvery (states (S, n, d) time-major, steps 0 and K by default)
 * @returns final states, saved states, and each chain's acceptance rate (n)
 * @see Roberts & Tweedie (1996), Bernoulli 2(4), 341–363, §1.4 (MALA); Besag (1994), JRSS B 56, p. 591
 */
export function metropolisAdjustedLangevin(
  rng: Rng,
  target: LangevinTarget,
  x0: Float64Array,
  options: LangevinOptions,
): LangevinResult {
  const fn = "metropolisAdjustedLangevin";
  requireInterface(fn, "rng", rng, "an Rng", ["normal", "uniform"]);
  const n = checkChainArgs(fn, target, x0, options, ["score", "logDensity"]);
  const d = target.dim;
  const { step: h, steps: K } = options;
  const x = Float64Array.from(x0); // (n, d)
  const y = new Float64Array(x.length); // (n, d) proposals
  const sx = new Float64Array(x.length); // (n, d) scores at x
  const sy = new Float64Array(x.length); // (n, d) scores at y
  const lx = new Float64Array(n); // (n) log π(x) + c
  const ly = new Float64Array(n); // (n) log π(y) + c
  const xi = new Float64Array(x.length); // (n, d)
  const accepted = new Float64Array(n); // (n) counts
  const saver = new Saver(options.saveEvery, K, h, x.length);
  const noise = Math.sqrt(2 * h);
  target.score(x, sx, n);
  target.logDensity(x, lx, n);
  saver.save(0, x);
  for (let k = 1; k <= K; k++) {
    fillNormal(rng, xi);
    for (let i = 0; i < x.length; i++) y[i] = x[i] + h * sx[i] + noise * xi[i];
    target.score(y, sy, n);
    target.logDensity(y, ly, n);
    for (let r = 0; r < n; r++) {
      let fwd = 0; // |y − x − h s(x)|²
      let bwd = 0; // |x − y − h s(y)|²
      for (let i = r * d; i < (r + 1) * d; i++) {
        fwd += (y[i] - x[i] - h * sx[i]) ** 2;
        bwd += (x[i] - y[i] - h * sy[i]) ** 2;
      }
      const logRatio = ly[r] - lx[r] + (fwd - bwd) / (4 * h);
      if (Math.log(rng.uniform()) < logRatio) {
        for (let i = r * d; i < (r + 1) * d; i++) [x[i], sx[i]] = [y[i], sy[i]];
        lx[r] = ly[r];
        accepted[r]++;
      }
    }
    saver.save(k, x);
  }
  const { times, states } = saver;
  return { x, times, states, acceptance: accepted.map((a) => a / K) };
}
