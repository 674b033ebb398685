import { describeValue, isFloat64Array, requireFinite, requireInteger } from "../base";
import { checkSde, noiseClass, type Sde } from "./sde";
import type { Solver } from "./solver";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const F64 = Float64Array;

/**
 * The boundary checks of `solver.stepper(sde, n)`: a well-formed Sde whose noise class the solver
 * supports (with $\partial g/\partial x$ when the solver needs it), n a positive integer (2.5 is
 * refused, never truncated). `fn` names the method the user called, e.g. "milstein.stepper".
 * @internal
 */
export function checkStepperArgs(fn: string, solver: Solver, sde: Sde, n: number): void {
  checkSde(fn, sde);
  requireInteger(fn, "n", n, 1);
  const cls = noiseClass(sde);
  if (solver.strongOrder[cls] === undefined) {
    throw new TypeError(`${fn}: sde has ${cls} noise, which ${solver.name} does not support`);
  }
  if (
    solver.diffusionDerivative &&
    cls !== "additive" &&
    typeof sde.diffusionDerivative !== "function"
  ) {
    throw new TypeError(`${fn}: sde.diffusionDerivative is needed for ${cls} noise, got none`);
  }
}

/**
 * The checks of `stepper.step(t, h, x, dW, dZ)`, O(1) per step (shapes and scalars; entries are
 * not inspected: a non-finite state shows in step's result): t and h finite (h ≠ 0 when the
 * scheme divides by it), x (n, d), dW (n, m) and, for a scheme that needs it, dZ (n, m).
 * @internal
 */
export function checkStepArgs(
  fn: string,
  sde: Sde,
  n: number,
  t: number,
  h: number,
  x: Float64Array,
  dW: Float64Array,
  dZ: Float64Array | null,
  needsArea: boolean,
): void {
  requireFinite(fn, "t", t);
  if (needsArea) requireFinite(fn, "h", h, "a finite number other than 0", (v) => v !== 0);
  else requireFinite(fn, "h", h);
  requireShape(fn, "x", x, n * sde.dim);
  requireShape(fn, "dW", dW, n * sde.noiseDim);
  if (needsArea) requireShape(fn, "dZ", dZ, n * sde.noiseDim);
}

function requireShape(fn: string, name: string, v: unknown, length: number): void {
  if (!(v instanceof F64) && !isFloat64Array(v)) {
    throw new TypeError(`${fn}: ${name} must be a Float64Array, got ${describeValue(v)}`);
  }
  if (v.length !== length) {
    throw new RangeError(`${fn}: ${name} must have length ${length}, got ${v.length}`);
  }
}
