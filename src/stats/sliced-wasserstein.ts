import type { Rng } from "../rng";
import { sortedWasserstein1 } from "./wasserstein";
import { optionalInteger, requireInterface, requireOptions, requirePoints } from "../base";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { cos, sin, PI } = Math;

/**
 * $SW_1(\mu, \nu) = \mathbb E_{\theta \sim U[0, 2\pi)}\, W_1(\theta^\top_\# \mu, \theta^\top_\# \nu)$,
 * estimated with `projections` random directions $(\cos\theta, \sin\theta)$, $\theta = 2\pi U$.
 * For a shift, $SW_1(X, X + c) = \tfrac{2}{\pi}|c|$.
 * @param rng generator for the directions
 * @param a first point set, (n, 2) row-major, n >= 1
 * @param b second point set, (m, 2) row-major, m >= 1
 * @param options `projections`, a positive integer (default 100)
 * @see N. Bonneel, J. Rabin, G. Peyré & H. Pfister (2015), "Sliced and Radon Wasserstein
 *   barycenters of measures", J. Math. Imaging Vis. 51, eq. (4) (with $p = 1$).
 */
export function slicedWasserstein(
  rng: Rng,
  a: Float64Array,
  b: Float64Array,
  options: { projections?: number } = {},
): number {
  const fn = "slicedWasserstein";
  requireInterface(fn, "rng", rng, "an Rng", ["uniform"]);
  requirePoints(fn, "a", a, 2, { min: 1 });
  requirePoints(fn, "b", b, 2, { min: 1 });
  const opts = requireOptions(fn, options);
  const projections = optionalInteger(fn, "options.projections", opts.projections, 1) ?? 100;
  const n = a.length / 2;
  const m = b.length / 2;
  const pa = new Float64Array(n); // (n,) projections of a
  const pb = new Float64Array(m); // (m,) projections of b
  let sum = 0;
  for (let k = 0; k < projections; k++) {
    const theta = 2 * PI * rng.uniform();
    const c = cos(theta);
    const s = sin(theta);
    for (let i = 0; i < n; i++) pa[i] = c * a[2 * i] + s * a[2 * i + 1];
    for (let j = 0; j < m; j++) pb[j] = c * b[2 * j] + s * b[2 * j + 1];
    sum += sortedWasserstein1(pa.sort(), pb.sort());
  }
  return sum / projections;
}
