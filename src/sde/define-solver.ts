import type { Sde } from "./sde";
import type { Solver, Stepper } from "./solver";
import { checkStepperArgs } from "./step-checks";

/** A solver's mathematics as data: everything a {@link Solver} holds but its stepper. */
export type SolverSpec = Omit<Solver, "stepper">;

/**
 * A frozen Solver from its data and its stepper's constructor: `stepper(sde, n)` validates its
 * arguments once (`checkStepperArgs`, errors named `<name>.stepper`: a well-formed Sde of a noise
 * class the solver supports, n a positive integer) and then calls `create`. The orders are
 * frozen copies. One place for what every solver file would otherwise repeat. @internal
 */
export function defineSolver(spec: SolverSpec, create: (sde: Sde, n: number) => Stepper): Solver {
  const fn = `${spec.name}.stepper`;
  const solver: Solver = Object.freeze({
    name: spec.name,
    calculus: spec.calculus,
    strongOrder: Object.freeze({ ...spec.strongOrder }),
    weakOrder: Object.freeze({ ...spec.weakOrder }),
    levyArea: spec.levyArea,
    diffusionDerivative: spec.diffusionDerivative,
    stepper: (sde: Sde, n: number): Stepper => {
      checkStepperArgs(fn, solver, sde, n);
      return create(sde, n);
    },
  });
  return solver;
}
