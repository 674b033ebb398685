/**
 * Reference solutions of lecture 08's labs (not in the notebook: the student's copy stays
 * unsolved). `npx itolab-run --solutions` puts each function in place of its stub, by name.
 * Each function is self-contained: it uses only what the notebook imports.
 */

/** Lab 08-ula-step: x + h ∇log π(x) + √(2h) ξ. */
export function ulaStep(
  x: Float64Array,
  score: (x: Float64Array) => Float64Array,
  h: number,
  xi: Float64Array,
): Float64Array {
  const s = score(x);
  return x.map((v, i) => v + h * s[i] + Math.sqrt(2 * h) * xi[i]);
}

/** Lab 08-mala-log-ratio: log π(y) − log π(x) + log q(x | y) − log q(y | x), q = N(· + h s, 2h I). */
export function malaLogRatio(
  x: Float64Array,
  y: Float64Array,
  logPi: (x: Float64Array) => number,
  score: (x: Float64Array) => Float64Array,
  h: number,
): number {
  const [sx, sy] = [score(x), score(y)];
  let forward = 0; // ‖y − x − h s(x)‖²: −4h log q(y | x) up to a constant
  let backward = 0; // ‖x − y − h s(y)‖²: −4h log q(x | y) up to the same constant
  for (let i = 0; i < x.length; i++) {
    forward += (y[i] - x[i] - h * sx[i]) ** 2;
    backward += (x[i] - y[i] - h * sy[i]) ** 2;
  }
  return logPi(y) - logPi(x) + (forward - backward) / (4 * h);
}

/** Lab 08-cfg-score: (1 + w) s(x | y) − w s(x). */
export function classifierFreeGuidance(
  sCond: Float64Array,
  sUncond: Float64Array,
  w: number,
): Float64Array {
  return sCond.map((s, i) => (1 + w) * s - w * sUncond[i]);
}
