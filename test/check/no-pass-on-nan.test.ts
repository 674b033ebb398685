/**
 * No check can pass on NaN: wherever a compared value, an oracle, a bound or a tolerance is NaN,
 * every check throws a CheckError (a compared value: the check fails and shows it) or a RangeError
 * (an oracle, bound or tolerance: the check cannot be stated). Property-based over the valid
 * arguments of test/validation/check.probes.ts, with NaN put in each numeric place in turn.
 */
import fc from "fast-check";
import { CheckError, checkAbove, checkBelow } from "../../src/check";
import { probes } from "../validation/check.probes";
import { substitute, type ParamProbe } from "../validation/harness";

/** Every numeric place of a check's arguments: [argument, path into it or array index]. */
const places: Record<string, [number, (string | number)[]][]> = {
  checkClose: [
    [1, []],
    [2, []],
    [3, ["abs"]],
  ],
  checkAllClose: [
    [1, [0]],
    [1, [1]],
    [2, [0]],
    [2, [1]],
    [3, ["abs"]],
  ],
  checkWithinSE: [
    [1, []],
    [2, []],
    [3, []],
    [4, ["z"]],
  ],
  checkBelow: [
    [1, []],
    [2, []],
  ],
  checkAbove: [
    [1, []],
    [2, []],
  ],
  checkSlope: [
    [1, [0]],
    [2, [0]],
    [2, [2]],
    [3, ["expected"]],
    [3, ["tolerance"]],
  ],
  checkPValue: [
    [1, []],
    [2, ["alpha"]],
  ],
};

/** The arguments with NaN at argument `arg`, path `path` (an array index or object keys). */
function withNaN(args: unknown[], arg: number, path: (string | number)[]): unknown[] {
  if (path.length === 1 && typeof path[0] === "number") {
    const copy = [...(args[arg] as number[])];
    copy[path[0]] = NaN;
    const out = [...args];
    out[arg] = copy;
    return out;
  }
  const p: ParamProbe = { arg, path: path as string[], name: "", bad: [] };
  return substitute(args, p, NaN);
}

describe.each(Object.entries(places))("%s never passes on NaN", (name, where) => {
  const probe = probes.find((p) => p.name === name);
  if (!probe) throw new Error(`no probe for ${name}`);
  it.each(where)("NaN at argument %p, path %p: a CheckError or a RangeError", (arg, path) => {
    fc.assert(
      fc.property(probe.valid, (args) => {
        let thrown: unknown = null;
        try {
          probe.call(...withNaN(args, arg, path));
        } catch (e) {
          thrown = e;
        }
        if (!(thrown instanceof CheckError || thrown instanceof RangeError)) {
          throw new Error(`${name} with NaN did not fail: ${String(thrown)}`);
        }
      }),
      { seed: 20261207, numRuns: 20 },
    );
  });
});

describe("a bound holds only for a finite value", () => {
  const reason = "bound";
  it("checkBelow fails on −Infinity and checkAbove on +Infinity (an overflow is no evidence)", () => {
    expect(() => checkBelow("e", -Infinity, 0.05, { reason })).toThrow(CheckError);
    expect(() => checkBelow("e", -Infinity, 0.05, { reason })).toThrow(
      `✗ e: -Infinity is not finite, so it is not ≤ 0.05 (${reason})`,
    );
    expect(() => checkAbove("p", Infinity, 0.5, { reason })).toThrow(CheckError);
    try {
      checkBelow("e", -Infinity, 0.05, { reason });
    } catch (e) {
      expect((e as CheckError).excess).toBeNaN(); // no distance to the bound
    }
  });
});
