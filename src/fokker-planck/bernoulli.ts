import { requireFinite } from "../base";

const { abs, expm1 } = Math;

/**
 * $B(z) = z / (e^z - 1)$, $B(0) = 1$: the Bernoulli function of the Scharfetter–Gummel flux.
 * $B > 0$ everywhere and $B(-z) = e^z B(z)$. Accurate to rounding for all finite z: a series
 * $1 - z/2 + z^2/12$ for $|z| < 10^{-5}$ (next term $z^4/720$ is below $10^{-22}$), `expm1`
 * elsewhere; $B(z) = 0$ once $e^z$ overflows (z > 709), $B(z) \approx -z$ for very negative z.
 * @param z - the face Péclet number, finite.
 * @see D. L. Scharfetter & H. K. Gummel (1969), IEEE Trans. Electron Devices 16(1), 64–77 (the exponentially fitted current).
 */
export function bernoulli(z: number): number {
  requireFinite("bernoulli", "z", z);
  return bernoulliUnchecked(z);
}

/** {@link bernoulli} for a finite z the caller has checked (the operator's assembly loop). @internal */
export function bernoulliUnchecked(z: number): number {
  if (abs(z) < 1e-5) return 1 - z / 2 + (z * z) / 12;
  return z / expm1(z);
}
