import type { Tridiagonal, PrincipalAxes } from "../linalg";
import { describeValue, isFloat64Array, requireOneOf } from "../base";

/** Boundary checks shared by the Fokker–Planck drivers. @internal */

/** Throws a TypeError unless `out` is a Tridiagonal of size n (three Float64Arrays of length n). */
export function requireTridiagonal(fn: string, name: string, out: unknown, n: number): Tridiagonal {
  const a = out as Tridiagonal;
  const ok =
    a !== null &&
    typeof a === "object" &&
    [a.lower, a.diag, a.upper].every((v) => isFloat64Array(v) && v.length === n);
  if (!ok) {
    throw new TypeError(
      `${fn}: ${name} must be a Tridiagonal of size n = ${n} (tridiagonal(${n})), got ${describeValue(out)}`,
    );
  }
  return a;
}

/** Throws a TypeError unless `axes` comes from `principalAxes(g)`: a finite (2, 2) rotation, D₁, D₂ > 0. */
export function requireAxes(fn: string, name: string, axes: unknown): PrincipalAxes {
  const a = axes as PrincipalAxes;
  const ok =
    a !== null &&
    typeof a === "object" &&
    isFloat64Array(a.rotation) &&
    a.rotation.length === 4 &&
    a.rotation.every(Number.isFinite) &&
    a.d !== null &&
    typeof a.d === "object" &&
    a.d[0] > 0 &&
    a.d[0] < Infinity &&
    a.d[1] > 0 &&
    a.d[1] < Infinity;
  if (!ok) {
    throw new TypeError(
      `${fn}: ${name} must come from principalAxes(g), got ${describeValue(axes)}`,
    );
  }
  return a;
}

/** The scheme option: "backward-euler" (default when undefined) or "tr-bdf2". */
export function requireScheme(
  fn: string,
  name: string,
  scheme: unknown,
): "backward-euler" | "tr-bdf2" {
  if (scheme === undefined) return "backward-euler";
  return requireOneOf(fn, name, scheme, ["backward-euler", "tr-bdf2"] as const);
}
