import { describeValue, requireInteger } from "../base";

/**
 * The contract of a GEMM micro-kernel's `run(a, b, c, m, n, k)`, checked once per call (O(1)):
 * offsets are integers ≥ 0; m, n, k positive multiples of the block (rows, cols, 2); the packed
 * A (m, k), B (n, k) and C (m, n) lie inside the scratch of `length` doubles. The kernels' loops
 * run at least one block, and a wasm kernel outside its memory would trap with an engine error.
 * @internal
 * @see K. Goto & R. van de Geijn (2008), ACM TOMS 34(3), §4 (packed panels of A and B)
 */
export function requireRunArgs(
  fn: string,
  view: Float64Array,
  rows: number,
  cols: number,
  a: number,
  b: number,
  c: number,
  m: number,
  n: number,
  k: number,
): void {
  requireInteger(fn, "a", a, 0);
  requireInteger(fn, "b", b, 0);
  requireInteger(fn, "c", c, 0);
  for (const [name, v, q] of [
    ["m", m, rows],
    ["n", n, cols],
    ["k", k, 2],
  ] as const) {
    requireInteger(fn, name, v, 1);
    if (v % q !== 0) throw new RangeError(`${fn}: ${name} must be a multiple of ${q}, got ${v}`);
  }
  for (const [name, off, size] of [
    ["a", a, m * k],
    ["b", b, n * k],
    ["c", c, m * n],
  ] as const) {
    if (off + size > view.length) {
      throw new RangeError(
        `${fn}: ${name} + ${size} (the packed operand) must lie within the scratch of ${view.length} doubles (call reserve), got ${name} = ${off}`,
      );
    }
  }
}

/** The contract of `reserve(doubles)`: an integer ≥ 0. @internal */
export function requireReserveArgs(fn: string, doubles: number): void {
  requireInteger(fn, "doubles", doubles, 0);
}

/** The contract of a kernel factory's `caller`: a non-empty string. @internal */
export function requireCaller(fn: string, caller: unknown): void {
  if (typeof caller !== "string" || caller === "") {
    throw new TypeError(`${fn}: caller must be a non-empty string, got ${describeValue(caller)}`);
  }
}
