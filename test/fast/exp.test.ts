import { fastExp } from "../../src/fast/exp";
import { createWasmSilu } from "../../src/fast/silu-wasm";

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
});

describe("createWasmSilu", () => {
  const silu = createWasmSilu();
  const run = silu ? it : it.skip;
  run("h = z·sig(z), d = sig(z)(1 + z(1 − sig(z))) to 1e-15 relative, odd lengths included", () => {
    // oracle: the formula with Math.exp; both sides round a few times: ≤ 8 ulp ≈ 1.8e-15 relative
    for (const n of [1, 7, 1001]) {
      const z = Float64Array.from({ length: n }, (_, i) => -40 + (80 * i) / n + 0.1);
      const h = new Float64Array(n);
      const d = new Float64Array(n);
      (silu as NonNullable<typeof silu>)(z, h, d, n);
      z.forEach((zi, i) => {
        const s = 1 / (1 + exp(-zi));
        expect(Math.abs(h[i] - zi * s)).toBeLessThanOrEqual(8 * ULP * Math.abs(zi * s));
        expect(Math.abs(d[i] - s * (1 + zi * (1 - s)))).toBeLessThanOrEqual(
          8 * ULP * (s + Math.abs(zi) * s),
        );
      });
    }
  });
});
