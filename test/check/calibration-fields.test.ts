/**
 * What a calibration run reads of each check: the declared false-fail rate, the normalised
 * statistic and the rule (spec); the recorder receives every check, passing or failing; in
 * "record" mode a failing check prints its line and returns instead of throwing.
 */
import {
  checkAbove,
  checkAllClose,
  checkClose,
  checkPValue,
  checkSlope,
  checkTrue,
  checkWithinSE,
  setCheckMode,
  setCheckRecorder,
  twoSidedNormalTail,
  type CheckRecord,
} from "../../src/check";

const reason = "a reason";

describe("calibration fields", () => {
  let records: CheckRecord[];
  beforeEach(() => {
    records = [];
    setCheckRecorder((r) => records.push(r));
  });
  afterEach(() => {
    setCheckRecorder(null);
    setCheckMode("throw");
  });

  test("every check reports its rule, rate and statistic to the recorder", () => {
    checkWithinSE("a", 1.1, 1, 0.1, { z: 4.9, reason });
    checkPValue("b", 0.5, { alpha: 0.01, reason });
    checkClose("c", 1, 1, { abs: 1e-9, reason });
    checkAllClose("d", [1, 2], [1, 2], { rel: 1e-9, reason });
    checkAbove("e", 2, 1, { reason, falseFail: 1e-8 });
    checkSlope("f", [1, 2, 4], [1, 2, 4], { expected: 1, tolerance: 0.01, reason });
    checkTrue("g", true, { reason });
    expect(records.map((r) => [r.label, r.kind, r.spec, r.passed])).toEqual([
      ["a", "withinSE", "z = 4.9", true],
      ["b", "pValue", "α = 0.01", true],
      ["c", "close", "abs = 1e-9, rel = 0", true],
      ["d", "allClose", "abs = 0, rel = 1e-9, n = 2", true],
      ["e", "above", "≥ 1", true],
      ["f", "slope", "slope 1 ± 0.01, log", true],
      ["g", "true", "true", true],
    ]);
    // z = 4.9: 2·P(Z > 4.9) = 9.5837e-7 (normal tables); α for a p-value; 0 when deterministic
    expect(records[0].falseFail).toBeCloseTo(9.5837e-7, 10);
    expect(records[0].statistic).toBeCloseTo(1, 12);
    expect(records.slice(1).map((r) => r.falseFail)).toEqual([0.01, 0, 0, 1e-8, 0, 0]);
  });

  test('"record" mode: a failing check returns, prints its ✗ line and is recorded as failed', () => {
    setCheckMode("record");
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      expect(() => checkWithinSE("a", 2, 1, 0.1, { z: 4, reason })).not.toThrow();
    } finally {
      log.mockRestore();
    }
    expect(records.map((r) => [r.passed, r.statistic])).toEqual([[false, 10]]);
    expect(records[0].message).toMatch(/^✗ a: /);
  });

  test("twoSidedNormalTail matches tabulated values to 1e-7 relative", () => {
    // erfc(z/√2) from Abramowitz & Stegun, Table 26.1 / standard normal tables
    const table: [number, number][] = [
      [1, 0.31731050786291],
      [2, 0.04550026389636],
      [3, 0.00269979606326],
      [4, 6.3342483666e-5],
      [6, 1.9731752899e-9],
    ];
    for (const [z, p] of table)
      expect(Math.abs(twoSidedNormalTail(z) / p - 1)).toBeLessThan(1.2e-7);
  });

  test("the recorder and the mode are validated", () => {
    expect(() => setCheckRecorder(1 as never)).toThrow(
      "setCheckRecorder: recorder must be a function or null, got 1",
    );
    expect(() => setCheckMode("loud" as never)).toThrow(
      'setCheckMode: mode must be "throw" or "record", got "loud"',
    );
  });
});
