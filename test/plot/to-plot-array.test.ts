import { toJsonValue, toPlotArray } from "../../src/plot";

describe("toPlotArray", () => {
  test("a Float64Array becomes a plain array (it would JSON-stringify to an object)", () => {
    const typed = new Float64Array([0.5, -1, 2]);
    expect(JSON.stringify(typed)).toBe('{"0":0.5,"1":-1,"2":2}'); // why the conversion exists
    const out = toPlotArray(typed);
    expect(Array.isArray(out)).toBe(true);
    expect(out).toEqual([0.5, -1, 2]);
    expect(JSON.stringify(out)).toBe("[0.5,-1,2]");
  });

  test("non-finite values become null, finite ones are kept exactly", () => {
    expect(toPlotArray([1, NaN, Infinity, -Infinity, -0, 1e-300])).toEqual([
      1,
      null,
      null,
      null,
      -0,
      1e-300,
    ]);
  });

  test("returns a copy: the input is not modified", () => {
    const input = [1, NaN];
    const out = toPlotArray(input);
    out[0] = 7;
    expect(input[0]).toBe(1);
    expect(Number.isNaN(input[1])).toBe(true);
  });
});

describe("toJsonValue", () => {
  test("converts typed arrays anywhere in a nested value and drops undefined / functions", () => {
    const value = {
      x: new Float32Array([1.5, NaN]),
      nested: [{ z: [new Int16Array([3, -4])] }],
      big: new BigInt64Array([5n]),
      skip: undefined,
      fn: () => 1,
      when: new Date(Date.UTC(2024, 0, 2)),
      list: [undefined, Infinity, "s", true, null],
    };
    expect(toJsonValue(value)).toEqual({
      x: [1.5, null],
      nested: [{ z: [[3, -4]] }],
      big: [5],
      when: "2024-01-02T00:00:00.000Z",
      list: [null, null, "s", true, null],
    });
  });

  test("the result survives a JSON round trip unchanged", () => {
    const out = toJsonValue({ a: new Float64Array([1, NaN, 3]), b: { c: -Infinity } });
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
    expect(out).toEqual({ a: [1, null, 3], b: { c: null } });
  });
});
