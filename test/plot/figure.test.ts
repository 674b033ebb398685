import type { Data } from "plotly.js";
import { bandTrace, figure, lineTrace, plotAxisTheme, plotTheme } from "../../src/plot";

describe("figure", () => {
  test("labelled snapshot of one themed figure's JSON (a regression record, not an oracle)", () => {
    // Recorded from figure() when this test was written; update only when the theme or a builder changes on purpose.
    const fig = figure(
      [
        lineTrace(new Float64Array([0, 0.5, 1]), [0, NaN, 1], { name: "E[X_t]" }),
        bandTrace([0, 0.5, 1], [-1, -0.5, 0], [1, 1.5, 2], { name: "mean ± 2 SE" }),
      ],
      { title: { text: "Brownian mean" }, xaxis: { title: { text: "t" } } },
    );
    const axis = {
      showline: true,
      linecolor: "#444444",
      linewidth: 1,
      ticks: "outside",
      tickcolor: "#444444",
      showgrid: true,
      gridcolor: "#e8e8e8",
      zeroline: false,
      automargin: true,
    };
    expect(JSON.parse(JSON.stringify(fig))).toEqual({
      data: [
        {
          type: "scatter",
          mode: "lines",
          x: [0, 0.5, 1],
          y: [0, null, 1],
          line: { width: 2, dash: "solid" },
          name: "E[X_t]",
        },
        {
          type: "scatter",
          mode: "lines",
          x: [0, 0.5, 1, 1, 0.5, 0],
          y: [1, 1.5, 2, 0, -0.5, -1],
          fill: "toself",
          fillcolor: "rgba(0,114,178,0.2)",
          line: { width: 0 },
          hoverinfo: "skip",
          name: "mean ± 2 SE",
        },
      ],
      layout: {
        font: {
          family: "Source Sans Pro, Helvetica Neue, Arial, sans-serif",
          size: 14,
          color: "#222222",
        },
        colorway: [
          "#0072B2",
          "#D55E00",
          "#009E73",
          "#CC79A7",
          "#E69F00",
          "#56B4E9",
          "#F0E442",
          "#000000",
        ],
        paper_bgcolor: "#ffffff",
        plot_bgcolor: "#ffffff",
        margin: { l: 64, r: 24, t: 56, b: 56 },
        height: 420,
        autosize: true,
        hovermode: "closest",
        showlegend: true,
        legend: { bgcolor: "rgba(255,255,255,0.8)", borderwidth: 0, x: 1, xanchor: "right", y: 1 },
        title: { x: 0.02, xanchor: "left", font: { size: 17 }, text: "Brownian mean" },
        xaxis: { ...axis, title: { text: "t" } },
        yaxis: axis,
      },
    });
  });

  test("applies the one shared theme, the caller's layout winning key by key", () => {
    const fig = figure([lineTrace([0, 1], [0, 1])], {
      font: { size: 20 },
      yaxis: { type: "log" },
      xaxis2: { title: { text: "second" } },
    });
    expect(fig.layout.font).toEqual({ ...plotTheme.font, size: 20 });
    expect(fig.layout.colorway).toEqual(plotTheme.colorway);
    expect(fig.layout.yaxis).toEqual({ ...plotAxisTheme, type: "log" });
    expect(fig.layout.xaxis).toEqual(plotAxisTheme);
    expect(fig.layout.xaxis2).toEqual({ ...plotAxisTheme, title: { text: "second" } });
    expect(fig.layout.margin).toEqual(plotTheme.margin);
  });

  test("raw traces with typed arrays and non-finite numbers become JSON-able", () => {
    const raw = { type: "scatter", x: new Float64Array([1, 2]), y: new Float32Array([NaN, 3]) };
    const fig = figure([raw as unknown as Data], { height: Infinity as number });
    expect(fig.data).toEqual([{ type: "scatter", x: [1, 2], y: [null, 3] }]);
    expect(Array.isArray((fig.data[0] as { x: unknown }).x)).toBe(true);
    expect(fig.layout.height).toBeNull();
    expect(JSON.parse(JSON.stringify(fig))).toEqual(fig);
  });

  test("inputs and the theme are not modified, and the figure shares no objects with them", () => {
    const trace = lineTrace([0, 1], [1, 2]);
    const layout = { title: { text: "a" } };
    const fig = figure([trace], layout);
    expect(fig.data[0]).not.toBe(trace);
    expect(fig.layout.title).not.toBe(layout.title);
    expect(layout).toEqual({ title: { text: "a" } });
    (fig.layout.font as { size: number }).size = 99;
    expect(plotTheme.font?.size).toBe(14);
    expect(figure([trace]).layout.font?.size).toBe(14);
  });

  test.each([
    [
      "traces not an array",
      () => figure("x" as never),
      TypeError,
      'figure: traces must be an array of traces, got "x"',
    ],
    [
      "no traces",
      () => figure([]),
      RangeError,
      "figure: traces must be non-empty, got an array of length 0",
    ],
    [
      "a null trace",
      () => figure([null as never]),
      TypeError,
      "figure: traces[0] must be a trace object, got null",
    ],
    [
      "layout null",
      () => figure([{}], null as never),
      TypeError,
      "figure: layout must be an object, got null",
    ],
    [
      "layout an array",
      () => figure([{}], [] as never),
      TypeError,
      "figure: layout must be an object, got an array of length 0",
    ],
  ])("bad input: %s", (_label, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
