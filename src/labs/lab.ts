import type { Rng } from "../rng";

/** Any function a student writes for a lab. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LabFunction = (...args: any[]) => unknown;

/** One input on which a lab's grader calls the student's function. */
export interface LabCase<F extends LabFunction> {
  /** The inputs as the report prints them: "K = 1 step, ΔW = [0.31]". */
  readonly label: string;
  /** Orders the cases: the report shows the smallest failing one (fewest steps, paths, …). */
  readonly size: number;
  /** The arguments (copied before each call, so a function that writes into them harms no one). */
  readonly args: Parameters<F>;
  /** The exact oracle's answer on these arguments. */
  readonly expected: ReturnType<F>;
}

/** A usual wrong answer: a model of it, and the hint a student who made it should read. */
export interface LabMistake<F extends LabFunction> {
  /** Short name, used by the recorded mutants: "right-point". */
  readonly name: string;
  /** The hint: "left-point sums: did you evaluate the integrand at the right end?". */
  readonly hint: string;
  /** What a function with this mistake returns. */
  readonly answer: (...args: Parameters<F>) => ReturnType<F>;
}

/**
 * A graded lab: the function a student writes (its name and signature), the grader's cases
 * from the lecture's exact oracle, the tolerance and why, and the usual mistakes.
 */
export interface Lab<F extends LabFunction> {
  /** "NN-name", NN the lecture: "00-quadratic-variation". */
  readonly id: string;
  /** What the lab asks for, one line. */
  readonly title: string;
  /** The stub's function name. */
  readonly fn: string;
  /** The signature as the instructions state it. */
  readonly signature: string;
  /** Where the formula comes from (lecture section, paper and equation). */
  readonly source: string;
  /** The grader's cases, from its own fixed seed; they must include the edge cases. */
  readonly cases: (rng: Rng) => LabCase<F>[];
  /** Whether `received` is right, with the tolerance and its derivation. */
  readonly tolerance: Tolerance;
  /** The usual mistakes, each with the hint that names it. */
  readonly mistakes: readonly LabMistake<F>[];
  /** What a right answer has been verified against, printed on success. */
  readonly verified: string;
}

/** Agreement within |received − expected| ≤ abs + rel·|expected|, entry by entry. */
export interface Tolerance {
  readonly abs: number;
  readonly rel: number;
  /** Why (a rounding bound, an error constant): printed with a failure. */
  readonly reason: string;
}
