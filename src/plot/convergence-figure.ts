import type { Data } from "plotly.js";
import { Figure, themedFigure } from "./figure";
import { plotReferenceColor } from "./theme";
import { plotArray } from "./to-plot-array";
import { describeValue, requireFinite, requireOptions } from "../base";
import { optionalString, requireSameLength, requireSeries } from "./validate";

/** One method's errors on a sequence of step sizes. */
export interface ConvergenceSeries {
  /** Legend entry, e.g. "Euler–Maruyama (strong)". */
  name: string;
  /** Step sizes h, shape (n,), > 0. */
  stepSizes: ArrayLike<number>;
  /** Errors at those step sizes, shape (n,); non-positive or non-finite values are gaps (by design). */
  errors: ArrayLike<number>;
}

/** Reference slopes and labels of a convergence figure. */
export interface ConvergenceFigureOptions {
  /** Orders p of the dashed reference lines $C h^p$, finite, e.g. [0.5, 1] (default none). */
  referenceOrders?: readonly number[];
  /** Figure title. */
  title?: string;
  /** x-axis title (default "step size h"). */
  xTitle?: string;
  /** y-axis title (default "error"). */
  yTitle?: string;
}

/**
 * A log-log figure of errors against step size, with dashed reference lines $C h^p$ whose
 * constant C puts them through the geometric mean point of the first series with a positive
 * error, so slopes compare by eye.
 * @param series - one or more series (markers and lines).
 * @param options - referenceOrders, title, xTitle, yTitle.
 * @returns a themed figure with log axes.
 */
export function convergenceFigure(
  series: readonly ConvergenceSeries[],
  options?: ConvergenceFigureOptions,
): Figure {
  const fn = "convergenceFigure";
  if (!Array.isArray(series)) {
    throw new TypeError(`${fn}: series must be an array, got ${describeValue(series)}`);
  }
  if (series.length === 0) {
    throw new RangeError(`${fn}: series must be non-empty, got ${describeValue(series)}`);
  }
  const o = requireOptions(fn, options);
  const orders = o.referenceOrders === undefined ? [] : o.referenceOrders;
  if (!Array.isArray(orders)) {
    throw new TypeError(
      `${fn}: options.referenceOrders must be an array, got ${describeValue(orders)}`,
    );
  }
  orders.forEach((p, j) => requireFinite(fn, `options.referenceOrders[${j}]`, p));
  const title = optionalString(fn, "options.title", o.title);
  const xTitle = optionalString(fn, "options.xTitle", o.xTitle) ?? "step size h";
  const yTitle = optionalString(fn, "options.yTitle", o.yTitle) ?? "error";
  const traces: Data[] = [];
  let hMin = Infinity;
  let hMax = -Infinity;
  series.forEach((s, k) => {
    if (typeof s !== "object" || s === null) {
      throw new TypeError(`${fn}: series[${k}] must be an object, got ${describeValue(s)}`);
    }
    if (typeof s.name !== "string") {
      throw new TypeError(
        `${fn}: series[${k}].name must be a string, got ${describeValue(s.name)}`,
      );
    }
    requireSeries(fn, `series[${k}].stepSizes`, s.stepSizes);
    requireSeries(fn, `series[${k}].errors`, s.errors);
    requireSameLength(fn, [`series[${k}].stepSizes`, `series[${k}].errors`], s.stepSizes, s.errors);
    for (let i = 0; i < s.stepSizes.length; i++) {
      const h = s.stepSizes[i];
      if (!(Number.isFinite(h) && h > 0)) {
        throw new RangeError(
          `${fn}: step sizes must be finite and > 0, got series[${k}].stepSizes[${i}] = ${describeValue(h)}`,
        );
      }
      hMin = Math.min(hMin, h);
      hMax = Math.max(hMax, h);
    }
    const errors = plotArray(s.errors).map((e) => (e !== null && e > 0 ? e : null));
    traces.push({
      type: "scatter",
      mode: "lines+markers",
      name: s.name,
      x: plotArray(s.stepSizes),
      y: errors,
      marker: { size: 8 },
    });
  });
  const anchor = series.map(logMeanPoint).find((a) => a !== null) ?? null;
  for (const p of orders) {
    if (anchor === null || !(hMin < hMax)) break;
    const logC = anchor.logE - p * anchor.logH;
    traces.push({
      type: "scatter",
      mode: "lines",
      name: `slope ${p}`,
      x: [hMin, hMax],
      y: [Math.exp(logC + p * Math.log(hMin)), Math.exp(logC + p * Math.log(hMax))],
      line: { dash: "dash", width: 1.5, color: plotReferenceColor },
      hoverinfo: "skip",
    });
  }
  return themedFigure(traces, {
    ...(title !== undefined ? { title: { text: title } } : {}),
    xaxis: { type: "log", title: { text: xTitle } },
    yaxis: { type: "log", title: { text: yTitle }, exponentformat: "power" },
  });
}

/** Mean of log h and log error over the points with a positive finite error; null if none. */
function logMeanPoint(s: ConvergenceSeries): { logH: number; logE: number } | null {
  let logH = 0;
  let logE = 0;
  let n = 0;
  for (let i = 0; i < s.errors.length; i++) {
    const e = s.errors[i];
    if (Number.isFinite(e) && e > 0) {
      logH += Math.log(s.stepSizes[i]);
      logE += Math.log(e);
      n++;
    }
  }
  return n === 0 ? null : { logH: logH / n, logE: logE / n };
}
