import {
  optionalInteger,
  optionalPositive,
  requireFiniteArray,
  requireInteger,
  requireOptions,
  requireRows,
  requireTime,
} from "../base";

/**
 * Boundary checks shared by the process factories and their methods, in the vocabulary of
 * src/base: `vpSde.std: t must be in [0, T] = [0, 1], got -0.5`. The SDE's drift and
 * diffusion check nothing (solvers call them in hot loops): the factory validates their
 * parameters once. @internal
 */

/** The options object (undefined reads as `{}`), with T > 0 and dim ≥ 1 checked. @internal */
export function readOptions<O extends { T?: number; dim?: number }>(
  fn: string,
  options: O | undefined,
): Partial<O> & { T: number; dim: number } {
  const o = requireOptions(fn, options);
  const T = optionalPositive(fn, "T", o.T) ?? 1;
  const dim = optionalInteger(fn, "dim", o.dim, 1) ?? 1;
  return { ...o, T, dim };
}

/** Throws unless t is a time in [0, T] and x0 a finite Float64Array of length d. @internal */
export function checkMarginal(fn: string, t: unknown, x0: unknown, d: number, T: number): void {
  requireTime(fn, "t", t, T);
  requireFiniteArray(fn, "x0", x0, d);
}

/**
 * Throws unless t is in [0, T], n ≥ 1, x0 and w hold finite (n, d) rows and out (n, d) rows:
 * the arguments of a pathwise exact solution. @internal
 */
export function checkExact(
  fn: string,
  t: unknown,
  x0: unknown,
  w: unknown,
  out: unknown,
  n: unknown,
  d: number,
  T: number,
): void {
  requireTime(fn, "t", t, T);
  const rows = requireInteger(fn, "n", n, 1);
  requireRows(fn, "x0", x0, rows, d);
  requireRows(fn, "w", w, rows, d);
  requireRows(fn, "out", out, rows, d, { finite: false });
}
