import { gridFromTimes, gridTimes, uniformGrid } from "../../src/brownian";

describe("uniformGrid", () => {
  it("hits both end points exactly, forwards and backwards (known answer)", () => {
    const g = uniformGrid(0, 1, 3);
    expect(g.steps).toBe(3);
    expect(gridTimes(g)).toEqual(new Float64Array([0, 1 / 3, 2 / 3, 1]));
    const b = uniformGrid(1, 0, 10);
    expect(b.at(0)).toBe(1);
    expect(b.at(10)).toBe(0); // exact, not 1 + 10·(−0.1)
    expect(b.at(5)).toBeCloseTo(0.5, 15);
  });
});

describe("gridFromTimes", () => {
  it("copies the times, monotone in either direction", () => {
    const src = [3, 2, 0.5, -1];
    const g = gridFromTimes(src);
    src[0] = 99;
    expect(gridTimes(g)).toEqual(new Float64Array([3, 2, 0.5, -1]));
  });
});

describe("time grid bad input", () => {
  it.each([
    [
      "uniformGrid t0",
      () => uniformGrid(NaN, 1, 2),
      RangeError,
      "uniformGrid: t0 must be finite, got NaN",
    ],
    [
      "uniformGrid t1",
      () => uniformGrid(0, 0, 2),
      RangeError,
      "uniformGrid: t1 must be finite and differ from t0 = 0, got 0",
    ],
    [
      "uniformGrid steps",
      () => uniformGrid(0, 1, 0),
      RangeError,
      "uniformGrid: steps must be a positive integer, got 0",
    ],
    [
      "uniformGrid steps 1.5",
      () => uniformGrid(0, 1, 1.5),
      RangeError,
      "uniformGrid: steps must be a positive integer, got 1.5",
    ],
    [
      "gridFromTimes short",
      () => gridFromTimes([0]),
      RangeError,
      "gridFromTimes: times must hold at least 2 points, got 1",
    ],
    [
      "gridFromTimes NaN",
      () => gridFromTimes([0, NaN]),
      RangeError,
      "gridFromTimes: times[1] must be a finite number, got NaN",
    ],
    [
      "gridFromTimes order",
      () => gridFromTimes([0, 1, 1]),
      RangeError,
      "gridFromTimes: times must be strictly monotone, got times[1] = 1, times[2] = 1",
    ],
    [
      "gridFromTimes type",
      () => gridFromTimes(null as unknown as number[]),
      TypeError,
      "gridFromTimes: times must be an array of numbers, got null",
    ],
  ])("%s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
