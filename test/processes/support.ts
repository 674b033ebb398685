/** Shared oracles for the process tests. */
import { brownianStream, uniformGrid } from "../../src/brownian";
import type { LinearProcess, Process } from "../../src/processes";
import type { Rng } from "../../src/rng";
import { integrate, sra1 } from "../../src/sde";

/**
 * The moment ODEs of an isotropic linear SDE dX = a(t)X dt + b(t) dW, with a and b read from the
 * SDE itself (drift at x = 1, diffusion): m' = a m and v' = 2 a v + b². Checks the declared
 * scale(t) and std(t) by central differences (an oracle independent of the closed forms).
 */
export function checkMomentOdes(p: LinearProcess, times: number[]): void {
  const one = new Float64Array(p.dim).fill(1);
  const out = new Float64Array(p.dim);
  const a = (t: number): number => (p.sde.drift(t, one, out, 1), out[0]);
  const b = (t: number): number => (p.sde.diffusion(t, one, out, 1), out[0]);
  const d = 1e-5; // central difference error O(d²·f''') ≈ 1e-10 relative here
  for (const t of times) {
    const m = (s: number): number => p.scale(s);
    const v = (s: number): number => p.std(s) ** 2;
    const dm = (m(t + d) - m(t - d)) / (2 * d);
    const dv = (v(t + d) - v(t - d)) / (2 * d);
    // relative 1e-6: difference-quotient truncation plus rounding (1e-16/1e-5) with margin
    expect(Math.abs(dm - a(t) * m(t))).toBeLessThan(1e-6 * Math.max(1, Math.abs(dm)));
    expect(Math.abs(dv - (2 * a(t) * v(t) + b(t) ** 2))).toBeLessThan(
      1e-6 * Math.max(1, Math.abs(dv)),
    );
  }
}

/**
 * Samples X_t for every saved t by SRA1 (weak order 2; its bias at these step sizes is far
 * below the sampling SE) on a stream, from x0 for every path, and compares each coordinate's
 * sample mean and variance with the declared marginal within 5 SE.
 * @param x0 (d) start @param n paths @param K steps on [0, T] @param saveEvery keep every k-th
 */
export function checkSampledMarginal(
  rng: Rng,
  p: Process,
  x0: Float64Array,
  n: number,
  K: number,
  saveEvery: number,
): void {
  const d = p.dim;
  const start = new Float64Array(n * d);
  for (let i = 0; i < n; i++) start.set(x0, i * d);
  const path = brownianStream(rng, uniformGrid(0, p.T, K), n, p.sde.noiseDim, { levyArea: true });
  const r = integrate(p.sde, sra1, start, path, { saveEvery });
  const times = r.times as Float64Array;
  const states = r.states as Float64Array;
  for (let s = 1; s < times.length; s++) {
    const { mean, cov } = p.marginal(times[s], x0);
    for (let j = 0; j < d; j++) {
      let m = 0;
      for (let i = 0; i < n; i++) m += states[(s * n + i) * d + j];
      m /= n;
      let v = 0;
      for (let i = 0; i < n; i++) v += (states[(s * n + i) * d + j] - m) ** 2;
      v /= n - 1;
      const vTrue = cov[j * d + j];
      const where = `${p.name} t = ${times[s]} coord ${j}`;
      // 5 SE: SE(mean) = sqrt(v/n); SE(var) = v·sqrt(2/n) for a Gaussian marginal
      expect({ where, meanErr: Math.abs(m - mean[j]) < 5 * Math.sqrt(vTrue / n) }).toEqual({
        where,
        meanErr: true,
      });
      expect({ where, varErr: Math.abs(v - vTrue) < 5 * vTrue * Math.sqrt(2 / n) }).toEqual({
        where,
        varErr: true,
      });
    }
  }
}
