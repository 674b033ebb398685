import { describeValue } from "../base";
import { createRng } from "../rng";
import { copyArgument, disagreement, Disagreement, formatAnswer } from "./compare";
import { Lab, LabCase, LabFunction, LabMistake } from "./lab";
import { LabFailed, Todo } from "./todo";

/** A lab's state for a student's function. */
export type LabState = "not attempted" | "passed" | "failed";

/** What the grader found. */
export interface LabReport {
  readonly id: string;
  readonly fn: string;
  readonly state: LabState;
  /** Cases run, and how many the function got wrong (threw on, or answered outside tolerance). */
  readonly cases: number;
  readonly wrong: number;
  /** The smallest failing case, when failed. */
  readonly failingCase: string | null;
  readonly expected: string | null;
  readonly received: string | null;
  /** The usual mistake the answers match, or null. */
  readonly mistake: string | null;
  /** The hint printed with a failure (the mistake's, or the general one). */
  readonly hint: string | null;
  /** The whole report as printed. */
  readonly message: string;
}

type Outcome = { value: unknown } | { error: unknown };

function call<F extends LabFunction>(fn: F, c: LabCase<F>): Outcome {
  try {
    return { value: fn(...(copyArgument(c.args) as unknown[])) };
  } catch (error) {
    return { error };
  }
}

function isTodo(o: Outcome): boolean {
  return "error" in o && (o.error instanceof Todo || (o.error as Error)?.name === "Todo");
}

function describeOutcome(o: Outcome): string {
  if ("value" in o) return formatAnswer(o.value);
  const e = o.error;
  return e instanceof Error ? `threw ${e.name}: ${e.message}` : `threw ${describeValue(e)}`;
}

/** The usual mistake whose model agrees with the student on the failing case and most others. */
function diagnose<F extends LabFunction>(
  lab: Lab<F>,
  cases: LabCase<F>[],
  outcomes: Outcome[],
  first: number,
): LabMistake<F> | null {
  let best: LabMistake<F> | null = null;
  let bestCount = 0;
  for (const mistake of lab.mistakes) {
    let count = 0;
    let matchesFirst = false;
    cases.forEach((c, i) => {
      const o = outcomes[i];
      if (!("value" in o)) return;
      let model: unknown;
      try {
        model = mistake.answer(...(copyArgument(c.args) as Parameters<F>));
      } catch {
        return;
      }
      if (disagreement(model, o.value, lab.tolerance) === null) {
        count++;
        if (i === first) matchesFirst = true;
      }
    });
    if (matchesFirst && count > bestCount) {
      best = mistake;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Runs a student's function on every case of the lab (from the lab's own fixed seed, smallest
 * first) and compares it with the exact oracle; never prints, never throws for a wrong answer.
 * A function that throws `Todo` on every case is "not attempted".
 * @param lab the lab (from `itolab/labs`)
 * @param fn the student's function
 * @returns the report
 */
export function evaluateLab<F extends LabFunction>(lab: Lab<F>, fn: F): LabReport {
  const name = "evaluateLab";
  if (typeof lab !== "object" || lab === null || typeof lab.cases !== "function") {
    throw new TypeError(`${name}: lab must be a lab from itolab/labs, got ${describeValue(lab)}`);
  }
  if (typeof fn !== "function") {
    throw new TypeError(`${name}: fn must be your function ${lab.fn}, got ${describeValue(fn)}`);
  }
  const cases = lab
    .cases(createRng(`lab:${lab.id}`))
    .map((c, order) => ({ c, order }))
    .sort((a, b) => a.c.size - b.c.size || a.order - b.order)
    .map(({ c }) => c);
  const outcomes = cases.map((c) => call(fn, c));
  const head = `lab ${lab.id} (${lab.fn})`;
  const base = { id: lab.id, fn: lab.fn, cases: cases.length };
  if (outcomes.every(isTodo)) {
    const message =
      `○ ${head}: not attempted — write ${lab.fn} in the cell above (replace its ` +
      "`throw new Todo(…)`), run it, then run this cell again";
    return {
      ...base,
      state: "not attempted",
      wrong: 0,
      failingCase: null,
      expected: null,
      received: null,
      mistake: null,
      hint: null,
      message,
    };
  }
  const wrong: { index: number; d: Disagreement | null }[] = [];
  outcomes.forEach((o, i) => {
    if ("error" in o) wrong.push({ index: i, d: null });
    else {
      const d = disagreement(cases[i].expected, o.value, lab.tolerance);
      if (d) wrong.push({ index: i, d });
    }
  });
  if (wrong.length === 0) {
    const message = `✓ ${head}: right on all ${cases.length} cases; verified ${lab.verified}`;
    return {
      ...base,
      state: "passed",
      wrong: 0,
      failingCase: null,
      expected: null,
      received: null,
      mistake: null,
      hint: null,
      message,
    };
  }
  const { index, d } = wrong[0];
  const c = cases[index];
  const o = outcomes[index];
  const mistake = diagnose(lab, cases, outcomes, index);
  const unfinished = isTodo(o);
  const hint = unfinished
    ? `${lab.fn} still throws Todo on this case: finish it`
    : mistake
      ? mistake.hint
      : `compare your code with the formula of the instructions (${lab.source})`;
  const at =
    d && d.where !== ""
      ? ` (first difference at ${d.where}: expected ` +
        `${formatAnswer(d.expected)}, received ${formatAnswer(d.received)})`
      : "";
  const tol = `tolerance ${lab.tolerance.abs} + ${lab.tolerance.rel}·|expected|: ${lab.tolerance.reason}`;
  const message = [
    `✗ ${head}: wrong on ${wrong.length} of ${cases.length} cases`,
    `  smallest failing case: ${c.label}`,
    `  expected ${formatAnswer(c.expected)}`,
    `  received ${describeOutcome(o)}${at}`,
    `  (${tol})`,
    `  hint: ${hint}`,
  ].join("\n");
  return {
    ...base,
    state: "failed",
    wrong: wrong.length,
    failingCase: c.label,
    expected: formatAnswer(c.expected),
    received: describeOutcome(o),
    mistake: mistake && !unfinished ? mistake.name : null,
    hint,
    message,
  };
}

let last: LabReport | null = null;

/**
 * Grades a student's function: prints "✓ …" (what was verified), "○ … not attempted" (the stub
 * still throws `Todo`), or throws `LabFailed` whose message shows the smallest failing case, the
 * expected and received values and a hint tied to the usual mistake. Never shows a solution.
 * Prints nothing under `ITOLAB_CHECK_QUIET=1`, like the checks.
 * @param lab the lab (from `itolab/labs`)
 * @param fn the student's function
 */
export function grade<F extends LabFunction>(lab: Lab<F>, fn: F): void {
  let report: LabReport;
  try {
    report = evaluateLab(lab, fn);
  } catch (e) {
    if (e instanceof TypeError) {
      throw new TypeError(e.message.replace("evaluateLab", "grade"), { cause: e });
    }
    throw e;
  }
  last = report;
  if (report.state === "failed") throw new LabFailed(report.message);
  if (typeof process === "undefined" || process.env?.ITOLAB_CHECK_QUIET !== "1") {
    console.log(report.message);
  }
}

/** The report of the most recent `grade` call that did not throw (for tests and tables). */
export function lastLabReport(): LabReport | null {
  return last;
}
