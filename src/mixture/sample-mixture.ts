import { fillNormal, type Rng } from "../rng";
import type { GaussianMixture } from "./gaussian-mixture";
import { requireMixture } from "./gaussian-mixture";
import { describeValue, requireInteger, requireInterface, requireOptions } from "../base";

/**
 * $x = \mu_k + L_k\varepsilon$ with $k \sim \mathrm{Categorical}(w)$ and $\varepsilon \sim N(0, I_d)$.
 * Draw order: n uniforms (the components, by inverse cdf of the weights), then n·d normals.
 * @param rng generator (advanced)
 * @param mix the mixture
 * @param n number of points, positive integer
 * @param options labels: an Int32Array of length n to receive each point's component
 * @returns (n, d) row-major points
 * @see Bishop (2006), Pattern Recognition and Machine Learning, §11.1.2 (ancestral sampling)
 */
export function sampleMixture(
  rng: Rng,
  mix: GaussianMixture,
  n: number,
  options: { labels?: Int32Array } = {},
): Float64Array {
  const fn = "sampleMixture";
  requireInterface(fn, "rng", rng, "an Rng", ["uniform", "normal"]);
  requireMixture(fn, mix);
  requireInteger(fn, "n", n, 1);
  const given = requireOptions(fn, options).labels;
  const labels = given === undefined ? new Int32Array(n) : given; // (n)
  if (Object.prototype.toString.call(labels) !== "[object Int32Array]") {
    throw new TypeError(
      `${fn}: options.labels must be an Int32Array of length ${n}, got ${describeValue(labels)}`,
    );
  }
  if (labels.length !== n) {
    throw new RangeError(`${fn}: options.labels must have length n = ${n}, got ${labels.length}`);
  }
  const { dim: d, components: K, weights, means, choleskyFactors: L } = mix;
  for (let r = 0; r < n; r++) {
    const u = rng.uniform();
    let k = 0;
    let c = weights[0];
    while (u > c && k < K - 1) c += weights[++k];
    labels[r] = k;
  }
  const eps = fillNormal(rng, new Float64Array(n * d)); // (n, d)
  const x = new Float64Array(n * d); // (n, d) row-major
  for (let r = 0; r < n; r++) {
    const k = labels[r];
    const lo = k * d * d;
    for (let i = 0; i < d; i++) {
      let acc = means[k * d + i];
      for (let j = 0; j <= i; j++) acc += L[lo + i * d + j] * eps[r * d + j];
      x[r * d + i] = acc;
    }
  }
  return x;
}
