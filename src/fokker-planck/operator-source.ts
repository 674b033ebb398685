import { requireFinite } from "../base";
import type { Tridiagonal } from "../linalg";
import { requireTridiagonal } from "./checks";

/**
 * A linear operator $A(t)$ on grid functions, assembled on demand: the semi-discrete equation is
 * $\dot p = A(t)\,p$. Time steppers only ever call `assemble`.
 */
export interface OperatorSource {
  /** number of unknowns n */
  readonly n: number;
  /** false when $A$ does not depend on t (a stepper may then factor it once) */
  readonly timeDependent: boolean;
  /**
   * Writes $A(t)$ into `out` (n). Throws a RangeError naming x and t on a bad coefficient.
   * @param t a finite time
   * @param out a Tridiagonal of size n, e.g. `tridiagonal(n)`
   */
  assemble(t: number, out: Tridiagonal): void;
}

/**
 * A frozen OperatorSource whose `assemble(t, out)` runs `fill(t, out)`, after checking its own
 * arguments (t finite, out a Tridiagonal of size n, errors named `at`) when `checked`: a public
 * operator is checked, one a driver builds and calls with valid arguments is not. @internal
 */
export function operatorSource(
  n: number,
  timeDependent: boolean,
  at: string,
  checked: boolean,
  fill: (t: number, out: Tridiagonal) => void,
): OperatorSource {
  return Object.freeze({
    n,
    timeDependent,
    assemble(t: number, out: Tridiagonal): void {
      if (checked) {
        requireFinite(at, "t", t);
        requireTridiagonal(at, "out", out, n);
      }
      fill(t, out);
    },
  });
}
