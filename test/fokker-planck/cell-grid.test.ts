import {
  cellGrid,
  densityOnGrid,
  gridMass,
  gridMoments,
  interpolateGrid,
  l1Distance,
  pointMass,
} from "../../src/fokker-planck";

describe("cellGrid", () => {
  test("known answer: centres, edges, width", () => {
    const g = cellGrid(-1, 1, 4);
    expect(g.h).toBe(0.5);
    expect(Array.from(g.x)).toEqual([-0.75, -0.25, 0.25, 0.75]);
    expect(Array.from(g.edges)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(Object.isFrozen(g)).toBe(true);
  });

  test.each([
    [() => cellGrid(NaN, 1, 4), "cellGrid: lo must be a finite number, got NaN"],
    [() => cellGrid(0, 0, 4), "cellGrid: hi must be a finite number > lo = 0, got 0"],
    [() => cellGrid(0, Infinity, 4), "cellGrid: hi must be a finite number > lo = 0, got Infinity"],
    [() => cellGrid(0, 1, 2), "cellGrid: n must be an integer >= 3, got 2"],
    [
      () => cellGrid(-1e308, 1e308, 4),
      "cellGrid: hi − lo must be finite, got 1e+308 − -1e+308 = Infinity",
    ],
    [() => cellGrid(0, 1, 3.5), "cellGrid: n must be an integer >= 3, got 3.5"],
    [
      () => cellGrid(1e17, 1e17 + 16, 1000),
      "cellGrid: cell width (hi − lo)/n = 0.016 is below the resolution of lo = 100000000000000000",
    ],
  ])("bad grid %#: RangeError naming the parameter", (make, message) => {
    expect(make).toThrow(RangeError);
    expect(make).toThrow(message);
  });
});

describe("grid densities", () => {
  const g = cellGrid(-2, 2, 8);

  test("pointMass has mass 1 in the cell holding x0 (right end included)", () => {
    const p = pointMass(g, 0.3);
    expect(gridMass(g, p)).toBeCloseTo(1, 15);
    expect(Array.from(p).findIndex((v) => v > 0)).toBe(4);
    expect(pointMass(g, 2)[7]).toBe(2);
    expect(() => pointMass(g, 2.1)).toThrow("pointMass: x0 must lie in [-2, 2], got 2.1");
  });

  test("densityOnGrid samples centres; moments and L1 of known grid functions", () => {
    const p = densityOnGrid(g, (x) => (x > 0 ? 1 : 0));
    expect(Array.from(p)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(gridMass(g, p)).toBe(2);
    expect(gridMoments(g, p)).toEqual({
      mean: 1,
      variance: (0.25 ** 2 + 0.75 ** 2 + 1.25 ** 2 + 1.75 ** 2) / 4 - 1,
    });
    expect(l1Distance(g, p, new Float64Array(8))).toBe(2);
    expect(() => densityOnGrid(g, () => -1)).toThrow(
      "densityOnGrid: density(x) must be finite and ≥ 0, got -1 at x = -1.75",
    );
    expect(() => gridMass(g, new Float64Array(3))).toThrow("gridMass: p must have length 8, got 3");
    expect(() => l1Distance(g, p, Float64Array.of(NaN, 0, 0, 0, 0, 0, 0, 0))).toThrow(
      "l1Distance: q[0] must be a finite number, got NaN",
    );
    expect(() => gridMoments(g, new Float64Array(8))).toThrow(
      "gridMoments: p must have positive mass, got 0",
    );
  });
});

describe("interpolateGrid", () => {
  const g = cellGrid(0, 4, 4); // centres 0.5, 1.5, 2.5, 3.5
  const p = Float64Array.of(1, 3, 5, 7); // p = 2x exactly at the centres
  test("linear data are reproduced exactly between centres, held constant beyond them", () => {
    expect(interpolateGrid(g, p, 2)).toBe(4);
    expect(interpolateGrid(g, p, 3.25)).toBe(6.5);
    expect(interpolateGrid(g, p, 0.2)).toBe(1);
    expect(interpolateGrid(g, p, 4)).toBe(7);
    expect(() => interpolateGrid(g, p, 4.5)).toThrow(
      "interpolateGrid: x must lie in [0, 4], got 4.5",
    );
  });
});
