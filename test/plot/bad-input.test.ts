/**
 * Bad input the probe tables cannot express (test/validation/plot.probes.ts): strings, booleans
 * and objects where the harness's wrong types would be valid, and errors that used to name an
 * inner function (figure, figureBundle) instead of the one called.
 */
import {
  animatedFigure,
  convergenceFigure,
  figure,
  figureBundle,
  heatmapTrace,
  histogramTrace,
  lineTrace,
  scriptSafeJson,
  toPlotArray,
} from "../../src/plot";

const trace = lineTrace([0, 1], [1, 2]);
const frames = [{ name: "t = 0", traces: [trace] }];
const cyclic: Record<string, unknown> = {};
cyclic.self = cyclic;

describe("plot: bad input named by the function called", () => {
  test.each([
    [
      "toPlotArray of a string",
      () => toPlotArray("abc" as never),
      TypeError,
      'toPlotArray: values must be a number[] or a typed array, got "abc"',
    ],
    [
      "scriptSafeJson of undefined",
      () => scriptSafeJson(undefined),
      TypeError,
      "scriptSafeJson: value must be JSON-able, got undefined",
    ],
    [
      "scriptSafeJson of a bigint",
      () => scriptSafeJson({ n: 1n }),
      TypeError,
      "scriptSafeJson: value must be JSON-able, Do not know how to serialize a BigInt",
    ],
    [
      "scriptSafeJson of a cycle",
      () => scriptSafeJson(cyclic),
      TypeError,
      "scriptSafeJson: value must be JSON-able, Converting circular structure to JSON",
    ],
    [
      "animatedFigure with a null layout (not figure's message)",
      () => animatedFigure(frames, null as never),
      TypeError,
      "animatedFigure: layout must be an object, got null",
    ],
    [
      "animatedFigure with a null trace in a frame",
      () => animatedFigure([{ name: "a", traces: [null as never] }]),
      TypeError,
      "animatedFigure: frames[0].traces[0] must be a trace object, got null",
    ],
    [
      "animatedFigure with frameMs a string",
      () => animatedFigure(frames, {}, { frameMs: "100" as never }),
      TypeError,
      'animatedFigure: options.frameMs must be a finite number > 0, got "100"',
    ],
    [
      "animatedFigure with frames not an array",
      () => animatedFigure("frames" as never),
      TypeError,
      'animatedFigure: frames must be an array of frames, got "frames"',
    ],
    [
      "convergenceFigure with a reference order a string",
      () =>
        convergenceFigure([{ name: "a", stepSizes: [0.1, 0.2], errors: [1, 2] }], {
          referenceOrders: ["1" as never],
        }),
      TypeError,
      'convergenceFigure: options.referenceOrders[0] must be a finite number, got "1"',
    ],
    [
      "convergenceFigure with referenceOrders null (not read as none)",
      () =>
        convergenceFigure([{ name: "a", stepSizes: [0.1, 0.2], errors: [1, 2] }], {
          referenceOrders: null as never,
        }),
      TypeError,
      "convergenceFigure: options.referenceOrders must be an array, got null",
    ],
    [
      "figureBundle with options null",
      () => figureBundle(figure([trace]), null as never),
      TypeError,
      "figureBundle: options must be an object, got null",
    ],
    [
      "figureBundle with a null layout (not read as {})",
      () => figureBundle({ data: [trace], layout: null as never }),
      TypeError,
      "figureBundle: fig.layout must be an object, got null",
    ],
    [
      "figureBundle of a figure without traces (it would draw nothing)",
      () => figureBundle({ data: [], layout: {} }),
      RangeError,
      "figureBundle: fig.data must hold at least one trace, got an array of length 0",
    ],
    [
      "figureBundle with a trace that is a number",
      () => figureBundle({ data: [1 as never], layout: {} }),
      TypeError,
      "figureBundle: fig.data[0] must be a trace object, got 1",
    ],
    [
      "histogramTrace with bins a string",
      () => histogramTrace([1, 2], { bins: "3" as never }),
      TypeError,
      'histogramTrace: options.bins must be a positive integer, got "3"',
    ],
    [
      "histogramTrace with a range bound NaN",
      () => histogramTrace([1, 2], { bins: 3, range: [0, NaN] }),
      RangeError,
      "histogramTrace: options.range[1] must be a finite number, got NaN",
    ],
    [
      "heatmapTrace with a colour scale that is a number",
      () => heatmapTrace([0, 1], [0, 1], [1, 2, 3, 4], { colorscale: 3 as never }),
      TypeError,
      "heatmapTrace: options.colorscale must be a colour scale name or an array of [level, colour] pairs, got 3",
    ],
  ])("%s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });

  test("toPlotArray of an empty series is an empty array (an empty trace is meaningful)", () => {
    expect(toPlotArray([])).toEqual([]);
  });
});
