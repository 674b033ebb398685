import fc from "fast-check";
import { createWasmSilu, siluFast, siluSecondFast } from "../../src/fast";
import { silu, siluSecond } from "../../src/nn/activation";
import { doubles, firstDifference, SEED } from "./support";

const U = 2 ** -52; // one ulp of 1

// pre-activations in [−708, 708], where fastExp(−z) is not clamped (below −709 the fast SiLU
// returns about z·e^{−709} instead of an underflowing z·e^{z}: documented in src/fast/exp.ts),
// values near 0 where sig(z) ≈ 1/2, odd and even lengths (the f64x2 kernel pads an odd length)
const z708 = fc.double({ min: -708, max: 708, noNaN: true });
const problem = fc.integer({ min: 0, max: 40 }).chain((len) =>
  fc.record({
    len: fc.constant(len),
    z: fc
      .array(
        fc.oneof(
          z708,
          z708.map((v) => v % 8),
        ),
        { minLength: len, maxLength: len },
      )
      .map((a) => Float64Array.from(a)),
  }),
);

// for the bit-for-bit comparison: any double, NaN and ±Infinity included
const anyZ = fc
  .integer({ min: 0, max: 40 })
  .chain((len) => fc.record({ len: fc.constant(len), z: doubles(len, { nonFinite: true }) }));

const wasm = createWasmSilu();
const run = wasm ? it : it.skip;

describe("siluFast and the WebAssembly SiLU", () => {
  run("the WebAssembly kernel is bit-identical to siluFast (same polynomial, same order)", () => {
    fc.assert(
      fc.property(fc.oneof(problem, anyZ), ({ len, z }) => {
        const [h1, d1, h2, d2] = [0, 0, 0, 0].map(() => new Float64Array(len));
        siluFast(z, h1, d1, len);
        (wasm as NonNullable<typeof wasm>).run(z, h2, d2, len);
        expect([firstDifference(h2, h1), firstDifference(d2, d1)]).toEqual([-1, -1]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("siluFast is within 8 ulp (of the operands' scale) of the Math.exp reference silu", () => {
    // fastExp is within 4 ulp of Math.exp; through s = 1/(1 + e) a relative error δ of e moves s
    // by at most |δ|·s, and h = z s, d = s(1 + z(1 − s)) add a few roundings on operands of size
    // |z| s and s(1 + |z|): 8 ulp of those scales (the bound of the former test/fast/exp.test.ts)
    fc.assert(
      fc.property(problem, ({ len, z }) => {
        const [h1, d1, h2, d2] = [0, 0, 0, 0].map(() => new Float64Array(len));
        siluFast(z, h1, d1, len);
        silu(z, h2, d2, len);
        for (let i = 0; i < len; i++) {
          const s = 1 / (1 + Math.exp(-z[i]));
          const zs = Math.abs(z[i]) * s;
          if (!(
            Math.abs(h1[i] - h2[i]) <= 8 * U * zs && Math.abs(d1[i] - d2[i]) <= 8 * U * (s + zs)
          )) {
            throw new Error(`z = ${z[i]}: h ${h1[i]} vs ${h2[i]}, d ${d1[i]} vs ${d2[i]}`);
          }
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("siluSecondFast is within 16 ulp (of the operands' scale) of the reference siluSecond", () => {
    // s(1 − s)(2 + z(1 − 2s)): s moves by ≤ 5 ulp·s as above; 1 − s and 1 − 2s cancel when s is
    // near 1 or 1/2, so the bound is in ulp of the same expression with every term by its
    // magnitude, s(1 + s)(2 + |z|(1 + 2s)) (a running error bound; Higham 2002, §3.3)
    fc.assert(
      fc.property(problem, ({ len, z }) => {
        const [o1, o2] = [new Float64Array(len), new Float64Array(len)];
        siluSecondFast(z, o1, len);
        siluSecond(z, o2, len);
        for (let i = 0; i < len; i++) {
          const s = 1 / (1 + Math.exp(-z[i]));
          const scale = s * (1 + s) * (2 + Math.abs(z[i]) * (1 + 2 * s));
          if (!(Math.abs(o1[i] - o2[i]) <= 16 * U * scale)) {
            throw new Error(`z = ${z[i]}: ${o1[i]} vs ${o2[i]} (bound ${16 * U * scale})`);
          }
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
