/**
 * A recorded wrong solution of a lab: the code a student with a usual mistake writes, and the
 * name of the mistake whose hint the grader must print for it (test/labs/labs.test.ts,
 * `npm run labs`).
 */
import type { Lab, LabFunction } from "../../src/labs";

export interface Mutant {
  /** The lab's id. */
  readonly lab: string;
  /** The mistake (a `LabMistake.name` of that lab) the grader must name. */
  readonly mistake: string;
  /** The wrong function, typed like the stub. */
  readonly fn: LabFunction;
}

/** A mutant of `lab` with the given mistake, type-checked against the lab's signature. */
export function mutant<F extends LabFunction>(lab: Lab<F>, mistake: string, fn: F): Mutant {
  return { lab: lab.id, mistake, fn };
}
