import { heatmapTrace } from "../../src/plot";

describe("heatmapTrace", () => {
  test("z (ny, nx) row-major becomes rows: z[i][j] = flat[i * nx + j] at (x[j], y[i])", () => {
    const x = [10, 20, 30]; // nx = 3
    const y = new Float64Array([0, 1]); // ny = 2
    const z = new Float64Array([1, 2, 3, 4, NaN, 6]);
    const t = heatmapTrace(x, y, z, { name: "p", colorbarTitle: "p(t, x)", zmin: 0, zmax: 6 });
    expect(t).toEqual({
      type: "heatmap",
      x: [10, 20, 30],
      y: [0, 1],
      z: [
        [1, 2, 3],
        [4, null, 6],
      ],
      colorscale: "Viridis",
      name: "p",
      colorbar: { title: { text: "p(t, x)" } },
      zmin: 0,
      zmax: 6,
    });
    expect(JSON.stringify(t.z)).toBe("[[1,2,3],[4,null,6]]");
  });

  test("colour limits default to plotly's data range (left unset)", () => {
    const t = heatmapTrace([0], [0], [1]);
    expect(t).not.toHaveProperty("zmin");
    expect(t).not.toHaveProperty("zmax");
  });

  test.each([
    [
      "z of the wrong size",
      () => heatmapTrace([0, 1], [0, 1, 2], [1, 2, 3, 4, 5]),
      RangeError,
      "heatmapTrace: z must have length y.length * x.length = 3 * 2 = 6, got 5",
    ],
    [
      "y empty",
      () => heatmapTrace([0], [], []),
      RangeError,
      "heatmapTrace: y must be non-empty, got an array of length 0",
    ],
    [
      "z a number",
      () => heatmapTrace([0], [0], 1 as never),
      TypeError,
      "heatmapTrace: z must be a number[] or a typed array, got 1",
    ],
    [
      "zmin NaN",
      () => heatmapTrace([0], [0], [1], { zmin: NaN }),
      RangeError,
      "heatmapTrace: options.zmin must be a finite number, got NaN",
    ],
    [
      "zmax below zmin",
      () => heatmapTrace([0], [0], [1], { zmin: 1, zmax: 0 }),
      RangeError,
      "heatmapTrace: options.zmax must exceed options.zmin (1), got 0",
    ],
  ])("bad input: %s", (_label, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
