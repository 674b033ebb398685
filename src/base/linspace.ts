import { requireFinite, requireInteger } from "./validate-number";

/**
 * $x_i = a + i\,(b - a)/(n - 1)$ for $i = 0, \dots, n - 1$: n evenly spaced points from a to b,
 * both included (the last is b up to one rounding of a + (b − a)). n = 1 gives [a].
 * @param a first point, finite
 * @param b last point, finite
 * @param n number of points, integer ≥ 1
 * @returns (n) the points
 * @see numpy.linspace (endpoint=True)
 */
export function linspace(a: number, b: number, n: number): Float64Array {
  requireFinite("linspace", "a", a);
  requireFinite("linspace", "b", b);
  requireInteger("linspace", "n", n, 1);
  if (n === 1) return Float64Array.of(a);
  return Float64Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
}
