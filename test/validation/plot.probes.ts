/**
 * Probes of src/plot (see harness.ts). By design the trace builders take non-finite values and
 * draw them as gaps (null in the figure JSON): a diverged path shows where it stopped. So the
 * valid series below include NaN and ±Infinity, no probe tries "non-finite-entry" on a series,
 * and the valid-input test checks that the output holds no non-finite number (gaps are null).
 * Options that are strings (name, color, title, …), booleans or objects (layout) are not probed
 * here: the harness's wrong types include a string, true and {}, which are valid for them; their
 * bad input is in test/plot/*.test.ts.
 */
import fc from "fast-check";
import {
  animatedFigure,
  bandTrace,
  convergenceFigure,
  figure,
  figureBundle,
  figureSvg,
  heatmapTrace,
  histogramTrace,
  lineTrace,
  markerTrace,
  scriptSafeJson,
  setDisplayWriter,
  show,
  toPlotArray,
  type AnimationFrame,
  type ConvergenceSeries,
  type Figure,
} from "../../src/plot";
import type { BadKind, Probe } from "./harness";

/** A series of `len` values, mostly finite, some NaN or ±Infinity (gaps). */
const series = (len: number): fc.Arbitrary<number[]> =>
  fc.array(
    fc.oneof(
      { weight: 8, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
      { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity) },
    ),
    { minLength: len, maxLength: len },
  );

/** [x, y] of one length n ∈ [2, 8]. */
const pair = fc.integer({ min: 2, max: 8 }).chain((n) => fc.tuple(series(n), series(n)));
const SERIES: BadKind[] = ["empty", "wrong-type", "missing"];
const PAIRED: BadKind[] = ["empty", "short", "wrong-type", "missing"];
const opacity = fc.double({ min: 0, max: 1, noNaN: true });
const NUMBER_OPTION: BadKind[] = ["nan", "infinite", "negative", "wrong-type"];
const option = (arg: number, key: string, bad: BadKind[]) => ({
  arg,
  path: [key],
  name: `options.${key}`,
  bad,
});

/** A small valid figure. */
const aFigure = pair.map(([x, y]) => figure([lineTrace(x, y), markerTrace(x, y)]));

export const probes: Probe[] = [
  {
    name: "toPlotArray",
    valid: fc.integer({ min: 0, max: 8 }).chain((n) => fc.tuple(series(n))),
    call: (v) => toPlotArray(v as number[]),
    params: [{ arg: 0, name: "values", bad: ["wrong-type", "missing"] }],
  },
  {
    name: "lineTrace",
    valid: pair.chain(([x, y]) =>
      fc.tuple(
        fc.constant(x),
        fc.constant(y),
        fc.record({ width: fc.double({ min: 0, max: 10, noNaN: true }), opacity }),
      ),
    ),
    call: (x, y, o) => lineTrace(x as number[], y as number[], o as never),
    params: [
      { arg: 0, name: "x", bad: SERIES },
      { arg: 1, name: "y", bad: PAIRED },
      option(2, "width", NUMBER_OPTION),
      option(2, "opacity", NUMBER_OPTION),
    ],
  },
  {
    name: "markerTrace",
    valid: pair.chain(([x, y]) =>
      fc.tuple(
        fc.constant(x),
        fc.constant(y),
        fc.record({ size: fc.double({ min: 0, max: 20, noNaN: true }), opacity }),
      ),
    ),
    call: (x, y, o) => markerTrace(x as number[], y as number[], o as never),
    params: [
      { arg: 0, name: "x", bad: SERIES },
      { arg: 1, name: "y", bad: PAIRED },
      option(2, "size", NUMBER_OPTION),
      option(2, "opacity", NUMBER_OPTION),
    ],
  },
  {
    name: "bandTrace",
    valid: fc
      .integer({ min: 2, max: 8 })
      .chain((n) => fc.tuple(series(n), series(n), series(n), fc.record({ opacity }))),
    call: (x, lo, hi, o) => bandTrace(x as number[], lo as number[], hi as number[], o as never),
    params: [
      { arg: 0, name: "x", bad: SERIES },
      { arg: 1, name: "lower", bad: PAIRED },
      { arg: 2, name: "upper", bad: PAIRED },
      option(3, "opacity", NUMBER_OPTION),
    ],
  },
  {
    name: "histogramTrace",
    valid: fc
      .integer({ min: 1, max: 30 })
      .chain((n) =>
        fc.tuple(
          series(n),
          fc.record({ bins: fc.integer({ min: 1, max: 50 }), opacity, density: fc.boolean() }),
        ),
      ),
    call: (s, o) => histogramTrace(s as number[], o as never),
    params: [
      { arg: 0, name: "samples", bad: SERIES },
      option(1, "bins", ["zero", "negative", "non-integer", "nan", "wrong-type"]),
      option(1, "opacity", NUMBER_OPTION),
    ],
  },
  {
    name: "heatmapTrace",
    valid: fc
      .tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 5 }))
      .chain(([nx, ny]) =>
        fc.tuple(series(nx), series(ny), series(nx * ny), fc.constant({ zmin: -1, zmax: 1 })),
      ),
    call: (x, y, z, o) => heatmapTrace(x as number[], y as number[], z as number[], o as never),
    params: [
      { arg: 0, name: "x", bad: SERIES },
      { arg: 1, name: "y", bad: SERIES },
      { arg: 2, name: "z", bad: PAIRED },
      option(3, "zmin", ["nan", "infinite", "wrong-type"]),
      option(3, "zmax", ["nan", "infinite", "wrong-type"]),
    ],
  },
  {
    name: "figure",
    valid: pair.map(([x, y]) => [[lineTrace(x, y), markerTrace(x, y)], { title: { text: "t" } }]),
    call: (t, l) => figure(t as never, l as never),
    params: [{ arg: 0, name: "traces", bad: SERIES }],
  },
  {
    name: "convergenceFigure",
    valid: fc.integer({ min: 2, max: 6 }).chain((n) =>
      fc.tuple(
        fc
          .tuple(
            fc.array(fc.double({ min: 1e-4, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
            series(n),
          )
          .map(([stepSizes, errors]): ConvergenceSeries[] => [
            { name: "method", stepSizes, errors },
          ]),
        fc.record({
          referenceOrders: fc.array(fc.double({ min: 0.25, max: 3, noNaN: true }), {
            maxLength: 3,
          }),
        }),
      ),
    ),
    call: (s, o) => convergenceFigure(s as ConvergenceSeries[], o as never),
    params: [{ arg: 0, name: "series", bad: SERIES }, option(1, "referenceOrders", ["wrong-type"])],
  },
  {
    name: "animatedFigure",
    valid: fc.integer({ min: 1, max: 4 }).chain((k) =>
      fc.tuple(
        fc
          .array(pair, { minLength: k, maxLength: k })
          .map((xy): AnimationFrame[] =>
            xy.map(([x, y], j) => ({ name: `t = ${j}`, traces: [lineTrace(x, y)] })),
          ),
        fc.constant({}),
        fc.record({ frameMs: fc.double({ min: 1, max: 1000, noNaN: true }) }),
      ),
    ),
    call: (f, l, o) => animatedFigure(f as AnimationFrame[], l as never, o as never),
    params: [
      { arg: 0, name: "frames", bad: SERIES },
      option(2, "frameMs", ["nan", "infinite", "negative", "zero", "wrong-type"]),
    ],
  },
  {
    name: "scriptSafeJson",
    valid: fc.tuple(fc.jsonValue()),
    call: (v) => scriptSafeJson(v),
    params: [{ arg: 0, name: "value", bad: ["missing"] }],
  },
  {
    name: "figureBundle",
    valid: fc.tuple(aFigure, fc.constant({ includePlotlyJs: false })),
    call: (f, o) => figureBundle(f as Figure, o as never),
    params: [{ arg: 0, name: "fig", bad: ["wrong-type", "missing"] }],
  },
  {
    name: "figureSvg",
    valid: fc.tuple(aFigure, fc.constant({ width: 400, height: 300 })),
    call: (f, o) => figureSvg(f as Figure, o as never),
    params: [
      { arg: 0, name: "fig", bad: ["wrong-type", "missing"] },
      option(1, "width", [...NUMBER_OPTION, "zero"]),
      option(1, "height", [...NUMBER_OPTION, "zero"]),
    ],
  },
  {
    name: "show",
    valid: fc.tuple(aFigure),
    call: (f) => {
      setDisplayWriter(() => {}); // no kernel in a test: a writer that drops the message
      try {
        return show(f as Figure);
      } finally {
        setDisplayWriter(null);
      }
    },
    params: [{ arg: 0, name: "fig", bad: ["wrong-type", "missing"] }],
  },
  {
    name: "setDisplayWriter",
    valid: fc.tuple(fc.constant(null)),
    call: (w) => setDisplayWriter(w as never),
    // null is valid (it restores the kernel lookup), and the harness's wrong types include null
    params: [{ arg: 0, name: "writer", bad: ["missing"] }],
  },
];

/** Exports that take no user data, with the reason. */
export const exempt: Record<string, string> = {
  toJsonValue:
    "converts any value to its JSON-able copy (what is not JSON becomes null or is dropped): it has no bad input",
  resetFigureSession: "takes no arguments (restarts the figure counter for tests)",
};
