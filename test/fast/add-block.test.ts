import fc from "fast-check";
import { addBlock } from "../../src/fast";
import { addBias, columnSums } from "../../src/nn/layer-ops";
import { doubles, firstDifference, SEED } from "./support";

/** The plain double loop of addBlock's formula, rows in order. */
function addBlockPlain(
  dst: Float64Array,
  dOff: number,
  dStride: number,
  src: Float64Array,
  sOff: number,
  sStride: number,
  rows: number,
  w: number,
): void {
  for (let r = 0; r < rows; r++)
    for (let j = 0; j < w; j++) dst[dOff + r * dStride + j] += src[sOff + r * sStride + j];
}

describe("addBlock (fast)", () => {
  const layout = fc.record({
    rows: fc.integer({ min: 0, max: 6 }),
    w: fc.integer({ min: 0, max: 11 }), // every remainder of the 4× unroll
    dOff: fc.integer({ min: 0, max: 3 }),
    sOff: fc.integer({ min: 0, max: 3 }),
    dPad: fc.integer({ min: 0, max: 3 }), // stride = w + pad, or 0 (broadcast / reduction)
    sPad: fc.integer({ min: 0, max: 3 }),
    dZero: fc.boolean(),
    sZero: fc.boolean(),
  });

  it("bit-identical to the plain double loop: any strides, offsets, widths, doubles", () => {
    const problem = layout.chain((l) => {
      const dStride = l.dZero ? 0 : l.w + l.dPad;
      const sStride = l.sZero ? 0 : l.w + l.sPad;
      const span = (off: number, stride: number) =>
        off + Math.max(0, l.rows - 1) * stride + l.w + 2;
      return fc.record({
        l: fc.constant({ ...l, dStride, sStride }),
        dst: doubles(span(l.dOff, dStride), { nonFinite: true }),
        src: doubles(span(l.sOff, sStride), { nonFinite: true }),
      });
    });
    fc.assert(
      fc.property(problem, ({ l, dst, src }) => {
        const ref = Float64Array.from(dst);
        const fast = Float64Array.from(dst);
        addBlockPlain(ref, l.dOff, l.dStride, src, l.sOff, l.sStride, l.rows, l.w);
        addBlock(fast, l.dOff, l.dStride, src, l.sOff, l.sStride, l.rows, l.w);
        expect({ l, firstDiff: firstDifference(fast, ref) }).toEqual({ l, firstDiff: -1 });
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it("as the MLP calls it: bit-identical to addBias and columnSums (src/nn/layer-ops.ts)", () => {
    const problem = fc
      .record({ n: fc.integer({ min: 1, max: 9 }), w: fc.integer({ min: 1, max: 13 }) })
      .chain(({ n, w }) =>
        fc.record({
          n: fc.constant(n),
          w: fc.constant(w),
          z: doubles(n * w, { moderate: true }),
          p: doubles(w + 5, { moderate: true }),
        }),
      );
    fc.assert(
      fc.property(problem, ({ n, w, z, p }) => {
        const off = 3;
        const [zRef, zFast] = [Float64Array.from(z), Float64Array.from(z)];
        addBias(zRef, p, off, n, w);
        addBlock(zFast, 0, w, p, off, 0, n, w);
        const [gRef, gFast] = [Float64Array.from(p), Float64Array.from(p)];
        columnSums(z, gRef, off, n, w);
        addBlock(gFast, off, 0, z, 0, w, n, w);
        expect([firstDifference(zFast, zRef), firstDifference(gFast, gRef)]).toEqual([-1, -1]);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
