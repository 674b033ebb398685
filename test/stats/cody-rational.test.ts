import { codyRational } from "../../src/stats/cody-rational";

describe("codyRational", () => {
  test("is s·(p2 z² + p0 z + p1)/(z² + q0 z + q1) for n = 1 (known answer)", () => {
    const p = [1, 2, 3];
    const q = [4, 5];
    // z = 2: (3·4 + 1·2 + 2)/(4 + 4·2 + 5) = 16/17
    expect(codyRational(p, q, 2, 1)).toBe(16 / 17);
    expect(codyRational(p, q, 2, -3)).toBe(-48 / 17);
    for (const z of [-1.5, 0, 0.25, 7]) {
      const want = (3 * z * z + 1 * z + 2) / (z * z + 4 * z + 5);
      expect(codyRational(p, q, z, 1)).toBeCloseTo(want, 14);
    }
  });

  test("reads the leading numerator coefficient last (n = 3, SPECFUN layout)", () => {
    const p = [1, 0, 0, 0, 2]; // 2z⁴ + z³
    const q = [0, 0, 0, 1]; // z⁴ + 1
    expect(codyRational(p, q, 2, 1)).toBe((2 * 16 + 8) / (16 + 1));
  });
});
