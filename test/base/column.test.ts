import { column } from "../../src/base";

describe("column", () => {
  // (3, 2) row-major: rows [0, 1], [10, 11], [20, 21]
  const x = Float64Array.of(0, 1, 10, 11, 20, 21);

  it("returns column j of an (n, width) row-major array", () => {
    expect(Array.from(column(x, 0, 2))).toEqual([0, 10, 20]);
    expect(Array.from(column(x, 1, 2))).toEqual([1, 11, 21]);
    expect(Array.from(column(x, 0, 1))).toEqual(Array.from(x));
  });

  it("is a copy: writing to it leaves x alone", () => {
    const y = Float64Array.from(x);
    column(y, 1, 2)[0] = -1;
    expect(Array.from(y)).toEqual(Array.from(x));
  });

  it("refuses a column past the last and a length that is not a multiple of width", () => {
    expect(() => column(x, 2, 2)).toThrow(
      new RangeError("column: j must be an integer in [0, width) = [0, 2), got 2"),
    );
    expect(() => column(x, 0, 4)).toThrow(
      new RangeError("column: x must hold n·d values with d = 4 and n >= 0, got length 6"),
    );
  });
});
