import { addRun } from "../../src/fast/add-run";

describe("addRun", () => {
  it.each([0, 1, 3, 4, 5, 8, 11])(
    "adds a run of %i values at the offsets and nothing else",
    (w) => {
      const dst = Float64Array.from({ length: 16 }, (_, i) => 100 + i);
      const src = Float64Array.from({ length: 16 }, (_, i) => i / 4);
      addRun(dst, 2, src, 3, w);
      for (let i = 0; i < 16; i++) {
        const inRun = i >= 2 && i < 2 + w;
        expect(dst[i]).toBe(100 + i + (inRun ? (i - 2 + 3) / 4 : 0));
      }
    },
  );
});
