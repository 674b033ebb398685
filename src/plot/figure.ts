import type { Config, Data, Frame, Layout } from "plotly.js";
import { plotAxisTheme, plotTheme } from "./theme";
import { toJsonValue } from "./to-plot-array";
import { describeValue } from "../base";
import { requireObject } from "./validate";

/** A plotly figure holding only JSON-able values (plain arrays, null for gaps). */
export interface Figure {
  data: Data[];
  layout: Partial<Layout>;
  /** plotly config overrides (merged over `{ responsive: true, displaylogo: false }`). */
  config?: Partial<Config>;
  /** animation frames (plotly `frames`), e.g. from `animatedFigure`; absent for a still figure. */
  frames?: Partial<Frame>[];
}

/**
 * Builds a themed figure: the shared `plotTheme` deep-merged under `layout` (the caller wins),
 * the axis theme applied to every `xaxis*`/`yaxis*`, and everything converted to JSON-able
 * values (typed arrays → arrays, non-finite → null).
 * @param traces - the traces, e.g. from `lineTrace`, `histogramTrace`, `bandTrace`.
 * @param layout - layout overrides, e.g. `{ title: { text: "…" }, xaxis: { title: { text: "t" } } }`.
 * @returns a new figure; its inputs are not modified.
 */
export function figure(traces: readonly Data[], layout: Partial<Layout> = {}): Figure {
  requireTraces("figure", "traces", traces);
  requireObject("figure", "layout", layout, "an object");
  return themedFigure(traces, layout);
}

/** Validates a non-empty array of trace objects. @internal */
export function requireTraces(fn: string, name: string, traces: unknown): void {
  if (!Array.isArray(traces)) {
    throw new TypeError(`${fn}: ${name} must be an array of traces, got ${describeValue(traces)}`);
  }
  if (traces.length === 0) {
    throw new RangeError(`${fn}: ${name} must be non-empty, got ${describeValue(traces)}`);
  }
  traces.forEach((t, k) => requireObject(fn, `${name}[${k}]`, t, "a trace object"));
}

/** {@link figure} for validated arguments. @internal */
export function themedFigure(traces: readonly Data[], layout: Partial<Layout>): Figure {
  const themed: Record<string, unknown> = deepMerge(plotTheme, {});
  for (const key of Object.keys(layout)) {
    if (/^[xy]axis\d*$/.test(key) && !(key in themed)) themed[key] = { ...plotAxisTheme };
  }
  return {
    data: toJsonValue(traces) as Data[],
    layout: toJsonValue(deepMerge(themed, layout)) as Partial<Layout>,
  };
}

/** Recursively merges plain objects; `over` wins, arrays and other values are replaced. */
function deepMerge(base: object, over: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, v] of Object.entries(over)) {
    const b = out[key];
    out[key] = isPlainObject(b) && isPlainObject(v) ? deepMerge(b, v) : v;
  }
  return out;
}

/** Whether a value is a plain object (not an array, typed array or null). */
function isPlainObject(v: unknown): v is object {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
}
