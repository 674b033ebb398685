import { describeValue, requireInterface } from "../base";
import type { Rng } from "../rng";
import { BrownianPath } from "./brownian-path";

/**
 * Lévy construction: halves every step, drawing the midpoint from the Brownian bridge,
 * $W_{t+s} = \tfrac12(W_t + W_{t+2s}) + \sqrt{|s|/2}\,\xi$ (so each half has variance $|s|$).
 * With ΔZ the midpoint is drawn conditionally on both ΔW and $H = \Delta Z/h - \Delta W/2$:
 * with $A = \Delta W_1 - \Delta W_2$, $A \mid H \sim N(3H, |s|/2)$, $H_1 - H_2 \sim N(0, |s|/6)$
 * independent, $H_1 + H_2 = 2H - A/2$, and $\Delta Z_i = s(H_i + \Delta W_i/2)$.
 * Existing points are untouched, and `coarsenPath(refinePath(rng, p), 2)` returns p's increments.
 * @param rng generator (advanced)
 * @param path path with K steps
 * @returns a new path with 2K steps on the grid with every midpoint added
 * @see Kloeden & Platen (1992), §10.4 for the joint law of (ΔW, ΔZ); the midpoint law is plain
 *   Gaussian conditioning on (ΔW, H), checked moment by moment in test/brownian/bridge.test.ts
 */
export function refinePath(rng: Rng, path: BrownianPath): BrownianPath {
  requireInterface("refinePath", "rng", rng, "an Rng", ["normal"]);
  if (!(path instanceof BrownianPath)) {
    throw new TypeError(`refinePath: path must be a BrownianPath, got ${describeValue(path)}`);
  }
  const nm = path.paths * path.dim;
  const K = path.steps;
  const times = new Float64Array(2 * K + 1);
  const dW = new Float64Array(2 * K * nm); // (2K, n, m) row-major
  const dZ = path.dZ === null ? null : new Float64Array(2 * K * nm);
  const z = path.dZ;
  for (let k = 0; k < K; k++) {
    const t0 = path.times[k];
    const h = path.times[k + 1] - t0;
    const s = 0.5 * h;
    const a = Math.abs(s);
    times[2 * k] = t0;
    times[2 * k + 1] = t0 + s;
    const sA = Math.sqrt(0.5 * a);
    const sB = Math.sqrt(a / 6);
    const src = k * nm;
    const o1 = 2 * k * nm;
    const o2 = o1 + nm;
    for (let q = 0; q < nm; q++) {
      const w = path.dW[src + q];
      if (dZ === null || z === null) {
        const A = 2 * sA * rng.normal(); // A ~ N(0, 2|s|)
        dW[o1 + q] = 0.5 * (w + A);
        dW[o2 + q] = 0.5 * (w - A);
      } else {
        const H = z[src + q] / h - 0.5 * w;
        const A = 3 * H + sA * rng.normal();
        const B = sB * rng.normal();
        const C = 2 * H - 0.5 * A;
        const w1 = 0.5 * (w + A);
        const w2 = 0.5 * (w - A);
        dW[o1 + q] = w1;
        dW[o2 + q] = w2;
        dZ[o1 + q] = s * (0.5 * (C + B) + 0.5 * w1);
        dZ[o2 + q] = s * (0.5 * (C - B) + 0.5 * w2);
      }
    }
  }
  times[2 * K] = path.times[K];
  return new BrownianPath(times, path.paths, path.dim, dW, dZ);
}
