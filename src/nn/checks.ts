import { describeValue, isFloat64Array, requireAllFinite, requireInteger } from "../base";

/**
 * The boundary checks of src/nn, in the base vocabulary: each names the function or method the
 * user called (`Mlp.forward`, `scoreNet.evaluate`), the parameter and the value. @internal
 * @see STYLE.md, src/ rule 6 (validate once at the boundary)
 */

/**
 * Throws unless n is a positive integer and v a Float64Array holding (n, width) row-major values
 * (at least n·width; scratch may be longer), the first n·width finite unless `finite` is false.
 */
export function checkRows(
  fn: string,
  name: string,
  v: unknown,
  n: number,
  width: number,
  finite = true,
): void {
  if (!isFloat64Array(v)) {
    throw new TypeError(`${fn}: ${name} must be a Float64Array, got ${describeValue(v)}`);
  }
  if (v.length < n * width) {
    throw new RangeError(
      `${fn}: ${name} must hold (n, ${width}) = (${n}, ${width}) values, got length ${v.length}`,
    );
  }
  if (finite) requireAllFinite(fn, name, v, n * width);
}

/** Throws unless n is a positive integer equal to the rows of the pass it follows. */
export function checkSameRows(fn: string, n: number, rows: number, pass: string): void {
  requireInteger(fn, "n", n, 1);
  if (n !== rows) {
    throw new RangeError(
      `${fn}: n must equal the rows of the last ${pass} (${rows === 0 ? "none to go back through" : rows}), got ${n}`,
    );
  }
}

/** Throws unless kernel is undefined or a GemmKernel (an object with run and reserve). */
export function checkKernel(fn: string, name: string, kernel: unknown): void {
  if (kernel === undefined) return;
  const k = kernel as { run?: unknown; reserve?: unknown } | null;
  if (
    k === null ||
    typeof k !== "object" ||
    typeof k.run !== "function" ||
    typeof k.reserve !== "function"
  ) {
    throw new TypeError(
      `${fn}: ${name} must be a GemmKernel (from gemmKernel) or undefined, got ${describeValue(kernel)}`,
    );
  }
}
