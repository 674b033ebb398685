import { fastExp } from "../../src/fast/exp";

const { exp } = Math;
const ULP = 2 ** -52;

describe("fastExp", () => {
  it("equals Math.exp within 4 ulp on [−708, 709] (oracle: Math.exp, correctly rounded to ~1 ulp)", () => {
    // truncation r¹³/13! < 1.8e-16 relative plus a few roundings in the reduction and polynomial
    let worst = 0;
    for (let i = 0; i <= 20000; i++) {
      const x = -707 + (1415 * i) / 20000 + 1e-3 * Math.sin(i); // inside the clamp
      worst = Math.max(worst, Math.abs(fastExp(x) - exp(x)) / (exp(x) * ULP));
    }
    expect(worst).toBeLessThan(4);
  });
  it("is exact at 0, NaN at NaN, clamped outside [−708, 709]", () => {
    expect(fastExp(0)).toBe(1);
    expect(fastExp(NaN)).toBeNaN();
    expect(fastExp(1e9) / exp(709)).toBeCloseTo(1, 14);
    expect(fastExp(-1e9) / exp(-708)).toBeCloseTo(1, 14);
  });
  it('refuses a value that is not a number (no coercion of "1")', () => {
    expect(() => fastExp("1" as unknown as number)).toThrow(
      new TypeError('fastExp: x must be a number, got "1"'),
    );
  });
});
