import { CheckError, checkWithinSE } from "../../src/check";
import { recorded } from "./support";

const reason = "SE = sqrt(2/N) with N = 10000";

describe("checkWithinSE", () => {
  test("passes within z·SE with the documented line", () => {
    const se = Math.sqrt(2 / 10000); // 0.0141421…
    const r = recorded(() => checkWithinSE("Var(W_1)", 1.0032, 1, se, { z: 3, reason }));
    expect(r.tolerance).toBeCloseTo(3 * se, 15);
    expect(r.message).toBe(
      `✓ Var(W_1): 1.0032 vs 1 within 0.0424 (3 SE, ${reason}; P(false fail) = 0.0027)`,
    );
    // declared false-fail rate 2·P(Z > 3) = 0.0026998 (normal tables), statistic (est − exp)/SE
    expect(r.falseFail).toBeCloseTo(0.0026998, 6);
    expect(r.statistic).toBeCloseTo(0.0032 / se, 12);
    expect(r.spec).toBe("z = 3");
  });

  test("fails past z·SE, saying how many SE off", () => {
    const call = () => checkWithinSE("m", 1.5, 1, 0.1, { z: 4, reason });
    expect(call).toThrow(CheckError);
    expect(call).toThrow(
      `✗ m: 1.5 vs 1 differ by 0.5 = 5 SE, beyond 0.4 by 0.1 (4 SE, ${reason}; P(false fail) = 6.3e-5)`,
    );
  });

  test("declares options.falseFail instead of 2·P(Z > z) when given; 0 is refused for none", () => {
    const r = recorded(() => checkWithinSE("m", 1, 1, 0.1, { z: 4, reason, falseFail: 1e-9 }));
    expect(r.falseFail).toBe(1e-9);
    expect(() => checkWithinSE("m", 1, 1, 0.1, { z: 4, reason, falseFail: 1 })).toThrow(
      "checkWithinSE: options.falseFail must be a probability in [0, 1), got 1",
    );
  });

  test("NaN estimate fails", () => {
    expect(() => checkWithinSE("m", NaN, 1, 0.1, { z: 4, reason })).toThrow(CheckError);
  });

  test.each([
    [
      "z 0",
      () => checkWithinSE("m", 1, 1, 0.1, { z: 0, reason }),
      RangeError,
      "options.z must be a finite number > 0, got 0",
    ],
    [
      "z NaN",
      () => checkWithinSE("m", 1, 1, 0.1, { z: NaN, reason }),
      RangeError,
      "options.z must be a finite number > 0, got NaN",
    ],
    [
      "z missing",
      () => checkWithinSE("m", 1, 1, 0.1, { reason } as never),
      TypeError,
      "options.z must be a finite number > 0, got undefined",
    ],
    [
      "se Infinity",
      () => checkWithinSE("m", 1, 1, Infinity, { z: 3, reason }),
      RangeError,
      "se must be a finite number >= 0, got Infinity",
    ],
    [
      "se negative",
      () => checkWithinSE("m", 1, 1, -0.1, { z: 3, reason }),
      RangeError,
      "se must be a finite number >= 0, got -0.1",
    ],
    [
      "reason empty",
      () => checkWithinSE("m", 1, 1, 0.1, { z: 3, reason: "" }),
      RangeError,
      'options.reason must be a non-empty string, got ""',
    ],
  ])("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(`checkWithinSE: ${message}`);
  });
});
