import {
  axisDomain,
  axisRange,
  constrainScale,
  placeAxis,
  toPx,
  type Axis,
} from "../../src/plot/svg-axes";

const axis = (over: Partial<Axis>): Axis => ({
  id: "x",
  letter: "x",
  fields: {},
  inLayout: true,
  log: false,
  domain: [0, 1],
  anchor: "y",
  range: [0, 1],
  reversed: false,
  p0: 0,
  p1: 100,
  ...over,
});

describe("axisDomain", () => {
  test("an axis's own domain wins", () => {
    expect(axisDomain("x2", { domain: [0.53, 1] }, { rows: 1, columns: 2 })).toEqual([0.53, 1]);
  });
  test("independent grid 1 × 2: plotly's cells [0, 0.444…] and [0.555…, 1] (xgap 0.2 of a step)", () => {
    const grid = { rows: 1, columns: 2, pattern: "independent" };
    const [a, b] = [axisDomain("x", {}, grid), axisDomain("x2", {}, grid)];
    // step = 1 / (2 − 0.2) = 5/9, cell = step · 0.8 = 4/9
    expect(a[0]).toBe(0);
    expect(a[1]).toBeCloseTo(4 / 9, 15);
    expect(b[0]).toBeCloseTo(5 / 9, 15);
    expect(b[1]).toBeCloseTo(1, 15);
    expect(axisDomain("y2", {}, grid)).toEqual([0, 1]); // one row
  });
  test("rows run from the top", () => {
    const grid = { rows: 2, columns: 1, pattern: "independent" };
    const top = axisDomain("y", {}, grid);
    const bottom = axisDomain("y2", {}, grid);
    expect(top[0]).toBeGreaterThan(bottom[1]);
  });
  test("no grid: the whole width", () => {
    expect(axisDomain("x3", {}, undefined)).toEqual([0, 1]);
  });
});

describe("axisRange", () => {
  test("a given range is used as is; a decreasing one reverses the axis", () => {
    expect(axisRange({ range: [-5, 5] }, false, [], [-1, 6])).toEqual({
      range: [-5, 5],
      reversed: false,
    });
    expect(axisRange({ range: [2, 0] }, false, [], [-1, 6])).toEqual({
      range: [0, 2],
      reversed: true,
    });
  });
  test("padded extents widen by 5 % of the data span; unpadded ones do not", () => {
    expect(axisRange({}, false, [{ min: 0, max: 10, padded: true }], [-1, 6]).range).toEqual([
      -0.5, 10.5,
    ]);
    expect(axisRange({}, false, [{ min: 0, max: 10, padded: false }], [-1, 6]).range).toEqual([
      0, 10,
    ]);
  });
  test("bars start at 0 without padding below it; a padded line near 0 still gets its padding", () => {
    const bars = { min: 0, max: 2, padded: true, tozero: true };
    expect(axisRange({}, false, [bars], [-1, 4]).range).toEqual([0, 2.1]);
    const line = { min: 1e-9, max: 1, padded: true };
    const r = axisRange({}, false, [bars, line], [-1, 4]).range;
    expect(r[0]).toBeCloseTo(-0.1, 6);
  });
  test("log axis: ranges in log10 units, positive values only", () => {
    const r = axisRange({}, true, [{ min: 0.001, max: 10, padded: false }], [-1, 6]).range;
    expect(r[0]).toBeCloseTo(-3, 12);
    expect(r[1]).toBeCloseTo(1, 12);
  });
  test("autorange reversed; empty axes take the default; one value spans ±1", () => {
    expect(
      axisRange({ autorange: "reversed" }, false, [{ min: 0, max: 2, padded: false }], [-1, 6]),
    ).toEqual({
      range: [0, 2],
      reversed: true,
    });
    expect(axisRange({}, false, [], [-1, 6]).range).toEqual([-1, 6]);
    expect(axisRange({}, false, [{ min: 3, max: 3, padded: true }], [-1, 6]).range).toEqual([2, 4]);
  });
});

describe("placeAxis and toPx", () => {
  const area = { left: 50, top: 20, width: 200, height: 100 };
  test("x runs left to right over its domain; y bottom to top", () => {
    const { p0: _p0, p1: _p1, ...base } = axis({});
    const x = placeAxis({ ...base, domain: [0.5, 1], range: [0, 10] }, area);
    expect([toPx(x, 0), toPx(x, 10), toPx(x, 5)]).toEqual([150, 250, 200]);
    const y = placeAxis({ ...base, id: "y", letter: "y", range: [0, 1] }, area);
    expect([toPx(y, 0), toPx(y, 1)]).toEqual([120, 20]);
    const reversed = placeAxis({ ...base, range: [0, 10], reversed: true }, area);
    expect(toPx(reversed, 0)).toBe(250);
  });
  test("non-numbers and, on a log axis, values ≤ 0 have no position", () => {
    const log = axis({ log: true, range: [-2, 0] });
    expect(toPx(log, 0.1)).toBeCloseTo(50, 12);
    expect([toPx(log, 0), toPx(log, -1), toPx(axis({}), null), toPx(axis({}), NaN)]).toEqual([
      NaN,
      NaN,
      NaN,
      NaN,
    ]);
  });
});

describe("constrainScale", () => {
  test("equal pixels per unit: the denser axis is widened about its centre", () => {
    const x = axis({ range: [0, 10], p0: 0, p1: 200 }); // 20 px per unit
    const y = axis({ id: "y", letter: "y", range: [0, 1], p0: 100, p1: 0 }); // 100 px per unit
    const [y2, x2] = constrainScale(y, x, 1);
    expect(x2.range).toEqual([0, 10]);
    expect(y2.range[0]).toBeCloseTo(-2, 12); // 100 px / 20 px per unit = 5 units about 0.5
    expect(y2.range[1]).toBeCloseTo(3, 12);
  });
});
