import { describeValue, requireInteger } from "../base";
import { BrownianPath } from "./brownian-path";

/**
 * The same path on a k-times coarser grid: $\Delta W^{(c)}_j = \sum_{i<k} \Delta W_{jk+i}$ and
 * $\Delta Z^{(c)}_j = \sum_{i<k} [\Delta Z_{jk+i} + h_{jk+i}(W_{t_{jk+i}} - W_{t_{jk}})]$ (exact).
 * Nested grids from one fine path are what strong-order tests need.
 * @param path fine path, K steps with K divisible by k
 * @param k coarsening factor, positive integer
 * @returns a new path with K/k steps on times t_0, t_k, t_2k, …
 * @see Kloeden & Platen (1992), §10.4 (definition of I_(1,0) as an integral over the step)
 */
export function coarsenPath(path: BrownianPath, k: number): BrownianPath {
  if (!(path instanceof BrownianPath)) {
    throw new TypeError(`coarsenPath: path must be a BrownianPath, got ${describeValue(path)}`);
  }
  requireInteger("coarsenPath", "k", k, 1);
  if (path.steps % k !== 0) {
    throw new RangeError(
      `coarsenPath: k must be a positive integer dividing steps = ${path.steps}, got ${k}`,
    );
  }
  const nm = path.paths * path.dim;
  const K = path.steps / k;
  const times = new Float64Array(K + 1);
  for (let j = 0; j <= K; j++) times[j] = path.times[j * k];
  const dW = new Float64Array(K * nm); // (K/k, n, m) row-major
  const dZ = path.dZ === null ? null : new Float64Array(K * nm);
  const fz = path.dZ;
  for (let j = 0; j < K; j++) {
    const out = j * nm;
    for (let i = 0; i < k; i++) {
      const src = (j * k + i) * nm;
      const h = path.times[j * k + i + 1] - path.times[j * k + i];
      if (dZ !== null && fz !== null) {
        // dW[out..] holds W_{t_{jk+i}} − W_{t_{jk}} before this sub-step is added
        for (let q = 0; q < nm; q++) dZ[out + q] += fz[src + q] + h * dW[out + q];
      }
      for (let q = 0; q < nm; q++) dW[out + q] += path.dW[src + q];
    }
  }
  return new BrownianPath(times, path.paths, path.dim, dW, dZ);
}
