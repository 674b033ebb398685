import { row } from "../../src/base";

describe("row", () => {
  // (3, 2) row-major: rows [0, 1], [10, 11], [20, 21]
  const x = Float64Array.of(0, 1, 10, 11, 20, 21);

  it("returns row i of an (n, width) row-major array", () => {
    expect(Array.from(row(x, 0, 2))).toEqual([0, 1]);
    expect(Array.from(row(x, 2, 2))).toEqual([20, 21]);
  });

  it("is a view: writing to the row writes to x", () => {
    const y = Float64Array.from(x);
    row(y, 1, 2)[0] = -1;
    expect(y[2]).toBe(-1);
  });

  it("refuses a row past the last and a length that is not a multiple of width", () => {
    expect(() => row(x, 3, 2)).toThrow(
      new RangeError("row: i must be an integer in [0, rows) = [0, 3), got 3"),
    );
    expect(() => row(x, 0, 4)).toThrow(
      new RangeError("row: x must hold n·d values with d = 4 and n >= 0, got length 6"),
    );
  });
});
