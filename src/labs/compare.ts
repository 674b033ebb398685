import { Tolerance } from "./lab";

/** Where two answers first disagree, or null when they agree. */
export interface Disagreement {
  /** The path of the entry: "" for a scalar, "[3]", ".mean[0]". */
  readonly where: string;
  readonly expected: unknown;
  readonly received: unknown;
}

/**
 * Compares a received answer with the expected one entry by entry, |r − e| ≤ abs + rel·|e|:
 * numbers, booleans, strings, Float64Arrays, arrays and plain objects of these. A non-finite
 * number where a finite one is expected, a missing field or a wrong length is a disagreement.
 * @param expected the oracle's answer
 * @param received the student's answer
 * @param tol the lab's tolerance
 * @returns null when they agree, else the first disagreeing entry
 */
export function disagreement(
  expected: unknown,
  received: unknown,
  tol: Tolerance,
  where = "",
): Disagreement | null {
  if (typeof expected === "number") {
    if (typeof received !== "number") return { where, expected, received };
    if (Number.isNaN(expected))
      return Number.isNaN(received) ? null : { where, expected, received };
    if (!Number.isFinite(expected))
      return received === expected ? null : { where, expected, received };
    const ok = Math.abs(received - expected) <= tol.abs + tol.rel * Math.abs(expected);
    return ok ? null : { where, expected, received };
  }
  if (typeof expected === "boolean" || typeof expected === "string") {
    return received === expected ? null : { where, expected, received };
  }
  if (expected instanceof Float64Array || Array.isArray(expected)) {
    const list = expected as ArrayLike<unknown>;
    if (!(received instanceof Float64Array || Array.isArray(received))) {
      return { where, expected, received };
    }
    const got = received as ArrayLike<unknown>;
    if (got.length !== list.length) {
      return { where: `${where}.length`, expected: list.length, received: got.length };
    }
    for (let i = 0; i < list.length; i++) {
      const d = disagreement(list[i], got[i], tol, `${where}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (typeof expected === "object" && expected !== null) {
    if (typeof received !== "object" || received === null) return { where, expected, received };
    for (const [key, value] of Object.entries(expected)) {
      const d = disagreement(
        value,
        (received as Record<string, unknown>)[key],
        tol,
        `${where}.${key}`,
      );
      if (d) return d;
    }
    return null;
  }
  return received === expected ? null : { where, expected, received };
}

/** An answer as a report prints it: numbers to 6 significant digits, long arrays elided. */
export function formatAnswer(x: unknown): string {
  if (typeof x === "number")
    return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
  if (typeof x === "string") return JSON.stringify(x);
  if (typeof x === "boolean" || x === null || x === undefined) return String(x);
  if (typeof x === "function") return "a function";
  if (x instanceof Float64Array || Array.isArray(x)) {
    const list = Array.from(x as ArrayLike<unknown>);
    const shown = list.slice(0, 6).map(formatAnswer).join(", ");
    return list.length > 6 ? `[${shown}, … (${list.length} entries)]` : `[${shown}]`;
  }
  if (typeof x === "object") {
    const entries = Object.entries(x as object).map(([k, v]) => `${k}: ${formatAnswer(v)}`);
    return `{ ${entries.join(", ")} }`;
  }
  return String(x);
}

/** A deep copy of a case's arguments (typed arrays, arrays, plain objects; functions shared). */
export function copyArgument<T>(x: T): T {
  if (x instanceof Float64Array) return x.slice() as unknown as T;
  if (Array.isArray(x)) return x.map(copyArgument) as unknown as T;
  if (typeof x === "object" && x !== null && Object.getPrototypeOf(x) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) out[k] = copyArgument(v);
    return out as T;
  }
  return x;
}
