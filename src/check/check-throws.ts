import { describeValue } from "../base";
import { CheckFields } from "./check-error";
import { fail, pass, requireLabelAndReason } from "./report";

/** Any error class, e.g. `RangeError`, `TypeError` or `CheckError`. */
export type CheckThrowsType = abstract new (...args: never[]) => Error;

/** The error a function must throw, and why. */
export interface CheckThrowsOptions {
  /** The class the thrown error must be an instance of. */
  readonly type: CheckThrowsType;
  /** A substring of, or a pattern matched against, the error's message. */
  readonly message: string | RegExp;
  /** Why it must throw, e.g. "steps = 0 is not a grid" (required, non-empty). */
  readonly reason: string;
}

/**
 * Checks that `fn()` throws synchronously an instance of `type` whose message contains (string)
 * or matches (RegExp) `message`. Prints "✓ label: threw Type: msg (reason)" or throws a
 * `CheckError` saying what happened instead (no error, another type, another message).
 * @param label - the behaviour, e.g. "eulerMaruyama rejects steps = 0".
 * @param fn - a synchronous function of no arguments; returning a Promise is a TypeError.
 * @param options - `type`, `message` and the `reason`.
 * Returns nothing; `lastCheckResult()` then holds the record (`actual` = "Type: message" thrown, `expected` = what was required).
 */
export function checkThrows(label: string, fn: () => unknown, options: CheckThrowsOptions): void {
  const name = "checkThrows";
  const reason = requireLabelAndReason(name, label, options);
  if (typeof fn !== "function") {
    throw new TypeError(`${name}: fn must be a function, got ${describeValue(fn)}`);
  }
  const { type, message } = options;
  if (typeof type !== "function") {
    throw new TypeError(`${name}: options.type must be an error class, got ${describeValue(type)}`);
  }
  if (typeof message !== "string" && !(message instanceof RegExp)) {
    throw new TypeError(
      `${name}: options.message must be a non-empty string or a RegExp, got ${describeValue(message)}`,
    );
  }
  if (message === "") {
    throw new RangeError(`${name}: options.message must be a non-empty string or a RegExp, got ""`);
  }
  const pattern = typeof message === "string" ? JSON.stringify(message) : String(message);
  const expected = `${type.name} with message ${typeof message === "string" ? "containing" : "matching"} ${pattern}`;
  let thrown: unknown;
  let threw = false;
  let returned: unknown;
  try {
    returned = fn();
  } catch (error) {
    threw = true;
    thrown = error;
  }
  if (!threw && isThenable(returned)) {
    throw new TypeError(`${name}: fn returned a Promise; only synchronous functions are checked`);
  }
  const actual = threw ? describeThrown(thrown) : "no error";
  const fields: CheckFields = {
    kind: "throws",
    label,
    actual,
    expected,
    tolerance: 0,
    reason,
    excess: null,
    index: null,
    falseFail: 0,
    statistic: null,
    spec: `throws ${type.name}`,
  };
  if (!threw) return fail(fields, `expected ${expected}, but it did not throw`);
  if (!(thrown instanceof type)) return fail(fields, `expected ${expected}, but threw ${actual}`);
  const text = (thrown as Error).message;
  const matches = typeof message === "string" ? text.includes(message) : message.test(text);
  if (!matches) return fail(fields, `expected ${expected}, but threw ${actual}`);
  return pass(fields, `threw ${actual}`);
}

/** "Name: message" of an Error, or a description of any other thrown value. */
function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return `${thrown.name}: ${thrown.message}`;
  return `non-Error value ${describeValue(thrown)}`;
}

/** Whether a value looks like a Promise. */
function isThenable(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}
