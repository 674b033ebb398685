import { describeValue } from "../base";

/** Which assertion produced a check record. */
export type CheckKind =
  "close" | "withinSE" | "below" | "above" | "slope" | "pValue" | "allClose" | "throws" | "true";

/** A value a check compares: a number, a message or a boolean fact. */
export type CheckValue = number | string | boolean;

/** The structured evidence of a check, shared by its result record and its `CheckError`. */
export interface CheckFields {
  readonly kind: CheckKind;
  readonly label: string;
  /** The computed value (for `allClose`, the element at `index`). */
  readonly actual: CheckValue;
  /** The oracle's value, or the bound, α or expected slope. */
  readonly expected: CheckValue;
  /** The allowed deviation (0 for bounds, p-values, throws and facts). */
  readonly tolerance: number;
  /** Why the tolerance is what it is: SE formula, order of the method, provenance. */
  readonly reason: string;
  /** How far the value lies past the tolerance: > 0 or NaN on failure, ≤ 0 on success; null if not numeric. */
  readonly excess: number | null;
  /** The worst element for elementwise checks, else null. */
  readonly index: number | null;
  /**
   * The declared probability that the check fails when the code is right: derived from its rule
   * (2·P(Z > z) for `withinSE`, α for `pValue`) or given as `options.falseFail`; 0 for a
   * deterministic comparison.
   */
  readonly falseFail: number;
  /** The normalised statistic (estimate − expected)/SE where the check claims a CLT, else null. */
  readonly statistic: number | null;
  /**
   * The check's rule without the run's values ("z = 4", "α = 0.01", "abs = 1e-6, rel = 0"): with
   * the label, it identifies the check in a calibration report.
   */
  readonly spec: string;
}

/** What a passing check returns: its evidence and the printed "✓ …" line. */
export interface CheckResult extends CheckFields {
  readonly passed: true;
  readonly message: string;
}

/**
 * The error every failing check throws: the "✗ …" message plus the structured fields, so that a
 * caller can tabulate failures. `name === "CheckError"`.
 */
export class CheckError extends Error implements CheckFields {
  readonly kind: CheckKind;
  readonly label: string;
  readonly actual: CheckValue;
  readonly expected: CheckValue;
  readonly tolerance: number;
  readonly reason: string;
  readonly excess: number | null;
  readonly index: number | null;
  readonly falseFail: number;
  readonly statistic: number | null;
  readonly spec: string;

  /**
   * @param message - the full "✗ label: …" failure line.
   * @param fields - the evidence (label, values, tolerance, reason, excess, index).
   */
  constructor(message: string, fields: CheckFields) {
    if (typeof message !== "string") {
      throw new TypeError(`CheckError: message must be a string, got ${describeValue(message)}`);
    }
    if (typeof fields !== "object" || fields === null || typeof fields.label !== "string") {
      throw new TypeError(
        `CheckError: fields must be the evidence { kind, label, actual, expected, … }, got ${describeValue(fields)}`,
      );
    }
    super(message);
    this.name = "CheckError";
    this.kind = fields.kind;
    this.label = fields.label;
    this.actual = fields.actual;
    this.expected = fields.expected;
    this.tolerance = fields.tolerance;
    this.reason = fields.reason;
    this.excess = fields.excess;
    this.index = fields.index;
    this.falseFail = fields.falseFail ?? 0;
    this.statistic = fields.statistic ?? null;
    this.spec = fields.spec ?? "";
  }
}
