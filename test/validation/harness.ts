/**
 * Bad-input probes (issue "bad input never yields a plausible wrong answer"): one table per folder
 * of src/, `<folder>.probes.ts`, with an entry for every public function and method. For each
 * entry, fast-check generates valid arguments and, parameter by parameter, bad values (NaN,
 * ±Infinity, negative, zero, non-integer, empty, wrong length, wrong type, missing); every bad
 * call must throw a RangeError (a value out of range) or a TypeError (a wrong type) whose message
 * names the function the user called and the parameter. Valid calls must not return NaN or
 * ±Infinity anywhere in their result (unless the entry says why they may). coverage.test.ts
 * fails when an export has no entry, so coverage stays whole as the library grows.
 */
import fc from "fast-check";

/** The kinds of bad value a parameter is tried with. */
export type BadKind =
  | "nan"
  | "infinite"
  | "negative"
  | "zero"
  | "non-integer"
  | "empty"
  | "short"
  | "non-finite-entry"
  | "wrong-type"
  | "missing";

/** Which error each kind must raise: a wrong type is a TypeError, the rest RangeError. */
export const EXPECTED_ERROR: Record<BadKind, "RangeError" | "TypeError"> = {
  nan: "RangeError",
  infinite: "RangeError",
  negative: "RangeError",
  zero: "RangeError",
  "non-integer": "RangeError",
  empty: "RangeError",
  short: "RangeError",
  "non-finite-entry": "RangeError",
  "wrong-type": "TypeError",
  missing: "TypeError",
};

/** Bad numbers for a kind (fast-check draws among them). */
export function badValues(kind: BadKind, valid: unknown): fc.Arbitrary<unknown> {
  switch (kind) {
    case "nan":
      return fc.constant(NaN);
    case "infinite":
      return fc.constantFrom(Infinity, -Infinity);
    case "negative":
      return fc.double({ min: -1e6, max: -1e-6, noNaN: true });
    case "zero":
      return fc.constant(0);
    case "non-integer":
      return fc.double({ min: 0.01, max: 1e4, noNaN: true }).filter((x) => !Number.isInteger(x));
    case "empty":
      return fc.constant(Array.isArray(valid) ? [] : new Float64Array(0));
    case "short": {
      const n = (valid as ArrayLike<number>).length;
      if (!(n > 1)) throw new Error(`"short" needs a valid array of length ≥ 2, got ${n}`);
      return fc.integer({ min: 1, max: n - 1 }).map((k) => shorten(valid, n - k));
    }
    case "non-finite-entry": {
      const n = (valid as ArrayLike<number>).length;
      return fc
        .tuple(fc.integer({ min: 0, max: n - 1 }), fc.constantFrom(NaN, Infinity, -Infinity))
        .map(([i, v]) => {
          const copy = Array.isArray(valid) ? [...valid] : Float64Array.from(valid as Float64Array);
          copy[i] = v;
          return copy;
        });
    }
    case "wrong-type":
      return fc.constantFrom("1", null, true, {}, Symbol.for("x")).map((v) =>
        // an array where a number is expected, a plain array where a Float64Array is
        typeof valid === "number" ? v : ArrayBuffer.isView(valid) ? [1, 2] : v,
      );
    case "missing":
      return fc.constant(undefined);
  }
}

function shorten(valid: unknown, len: number): unknown {
  if (Array.isArray(valid)) return valid.slice(0, len);
  return (valid as Float64Array).slice(0, len);
}

/** One parameter of a probe: where it sits in the arguments, its name, the kinds to try. */
export interface ParamProbe {
  /** index of the argument */
  arg: number;
  /** path into an options object at `arg` (e.g. ["steps"]) */
  path?: string[];
  /** the name the error message must contain (e.g. "t", "options.steps", "x0") */
  name: string;
  /** the kinds of bad value to try */
  bad: BadKind[];
}

/** One public function or method. */
export interface Probe {
  /** what the user calls, as the error must name it: "vpSde", "vpSde.std", "Welford.merge" */
  name: string;
  /** valid arguments, drawn from a seed; the call is made on fresh copies */
  valid: fc.Arbitrary<unknown[]>;
  /** makes the call */
  call: (...args: unknown[]) => unknown;
  params: ParamProbe[];
  /**
   * Valid calls may return a non-finite number because the mathematics does (say when in
   * the function's doc comment); default false.
   */
  mayReturnNonFinite?: string;
  /** error name on a bad call when it is not the kind's default */
  errorFor?: Partial<Record<BadKind, "RangeError" | "TypeError">>;
}

/** Replaces the parameter in a copy of the arguments. */
export function substitute(args: unknown[], p: ParamProbe, value: unknown): unknown[] {
  const out = [...args];
  if (!p.path || p.path.length === 0) {
    out[p.arg] = value;
    return out;
  }
  const clone = (o: unknown): Record<string, unknown> =>
    o !== null && typeof o === "object" ? { ...(o as Record<string, unknown>) } : {};
  const top = clone(out[p.arg]);
  let cur = top;
  for (let i = 0; i < p.path.length - 1; i++) {
    const next = clone(cur[p.path[i]]);
    cur[p.path[i]] = next;
    cur = next;
  }
  cur[p.path[p.path.length - 1]] = value;
  out[p.arg] = top;
  return out;
}

/** The value a parameter has in valid arguments. */
function current(args: unknown[], p: ParamProbe): unknown {
  let v = args[p.arg];
  for (const k of p.path ?? []) v = (v as Record<string, unknown>)?.[k];
  return v;
}

/** True when every number reachable in `v` (arrays, typed arrays, plain objects) is finite. */
export function allFinite(v: unknown, seen = new Set<unknown>()): boolean {
  if (typeof v === "number") return Number.isFinite(v);
  if (v === null || typeof v !== "object" || seen.has(v)) return true;
  seen.add(v);
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const a = v as unknown as ArrayLike<number | bigint>;
    for (let i = 0; i < a.length; i++)
      if (typeof a[i] === "number" && !Number.isFinite(a[i])) return false;
    return true;
  }
  if (Array.isArray(v)) return v.every((x) => allFinite(x, seen));
  if (Object.getPrototypeOf(v) === Object.prototype) {
    return Object.values(v).every((x) => allFinite(x, seen));
  }
  return true;
}

const RUNS = 12; // bad values per parameter and kind; the seeds are pinned: deterministic
const SEED = 20261206;

/** Declares the jest tests of a probe table. */
export function describeProbes(folder: string, probes: Probe[]): void {
  describe(`${folder}: bad input`, () => {
    for (const probe of probes) {
      for (const p of probe.params) {
        for (const kind of p.bad) {
          it(`${probe.name}: ${p.name} ${kind} → ${probe.errorFor?.[kind] ?? EXPECTED_ERROR[kind]}`, () => {
            fc.assert(
              fc.property(
                probe.valid.chain((args) =>
                  badValues(kind, current(args, p)).map((bad) => substitute(args, p, bad)),
                ),
                (args) => {
                  let thrown: unknown = null;
                  try {
                    probe.call(...args);
                  } catch (err) {
                    thrown = err;
                  }
                  const want = probe.errorFor?.[kind] ?? EXPECTED_ERROR[kind];
                  if (!(thrown instanceof Error)) {
                    throw new Error(
                      `${probe.name} accepted ${p.name} = ${show(current(args, p))} (${kind})`,
                    );
                  }
                  if (thrown.name !== want) {
                    throw new Error(
                      `${probe.name}, ${p.name} ${kind}: expected a ${want}, got ${thrown.name}: ${thrown.message}`,
                    );
                  }
                  const msg = thrown.message;
                  if (!msg.startsWith(`${probe.name}: `) || !msg.includes(p.name)) {
                    throw new Error(
                      `${probe.name}, ${p.name} ${kind}: the message must start with "${probe.name}: " and name ${p.name}, got "${msg}"`,
                    );
                  }
                },
              ),
              { seed: SEED, numRuns: RUNS },
            );
          });
        }
      }
    }
  });
  describe(`${folder}: valid random input`, () => {
    for (const probe of probes) {
      it(`${probe.name} returns no NaN or ±Infinity${probe.mayReturnNonFinite ? ` (except: ${probe.mayReturnNonFinite})` : ""}`, () => {
        fc.assert(
          fc.property(probe.valid, (args) => {
            const out = probe.call(...args);
            if (!probe.mayReturnNonFinite && !allFinite(out)) {
              throw new Error(`${probe.name} returned a non-finite value for valid input`);
            }
          }),
          { seed: SEED, numRuns: RUNS },
        );
      });
    }
  });
}

function show(v: unknown): string {
  if (typeof v === "symbol") return v.toString();
  if (ArrayBuffer.isView(v)) return `${v.constructor.name}(${(v as Float64Array).length})`;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
