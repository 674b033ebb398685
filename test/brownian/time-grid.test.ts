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
      "uniformGrid: t0 must be a finite number, got NaN",
    ],
    [
      "uniformGrid t1",
      () => uniformGrid(0, 0, 2),
      RangeError,
      "uniformGrid: t1 must be a finite number other than t0 = 0, got 0",
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
      "gridFromTimes: times must have at least 2 values, got 1",
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
      "uniformGrid with steps below the resolution of the times (t0 + k·h would repeat)",
      () => uniformGrid(1, 1 + 1e-15, 100),
      RangeError,
      "uniformGrid: steps must leave a step |t1 − t0|/steps above the resolution",
    ],
    [
      "uniformGrid with an overflowing span",
      () => uniformGrid(-1e308, 1e308, 10),
      RangeError,
      "uniformGrid: t1 − t0 must be finite, got 1e+308 − -1e+308 = Infinity",
    ],
    [
      "uniformGrid t0 a string",
      () => uniformGrid("0" as never, 1, 10),
      TypeError,
      'uniformGrid: t0 must be a finite number, got "0"',
    ],
    [
      "uniformGrid(…).at past the end (it used to extrapolate)",
      () => uniformGrid(0, 1, 10).at(11),
      RangeError,
      "uniformGrid.at: k must be an integer in [0, K + 1) = [0, 11), got 11",
    ],
    [
      "uniformGrid(…).at between points (it used to interpolate)",
      () => uniformGrid(0, 1, 10).at(2.5),
      RangeError,
      "uniformGrid.at: k must be an integer in [0, K + 1) = [0, 11), got 2.5",
    ],
    [
      "gridFromTimes(…).at past the end (it used to return undefined)",
      () => gridFromTimes([0, 1]).at(2),
      RangeError,
      "gridFromTimes.at: k must be an integer in [0, K + 1) = [0, 2), got 2",
    ],
    [
      "gridFromTimes with an infinite step",
      () => gridFromTimes([-1e308, 1e308]),
      RangeError,
      "gridFromTimes: times must have finite steps, got times[1] − times[0] = 1e+308 − -1e+308 = Infinity",
    ],
    [
      "gridTimes of a grid that is not one",
      () => gridTimes({ steps: 2 } as never),
      TypeError,
      "gridTimes: grid must be a TimeGrid (at(k) and an integer steps >= 1), got an object",
    ],
    [
      "gridTimes of a grid with a NaN time",
      () => gridTimes({ steps: 2, at: (k: number) => (k === 1 ? NaN : k) }),
      RangeError,
      "gridTimes: grid.at(1) must be a finite number, got NaN",
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
