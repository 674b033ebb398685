import { requireSeries } from "./validate";

/**
 * Copies a series into a plain JSON-able array, non-finite values as `null` (plotly draws a gap).
 * A `Float64Array` would JSON-stringify to an object `{"0": …}`, so figures never hold one.
 * @param values - shape (n,), n ≥ 0, a `number[]` or a numeric typed array (entries may be
 *   non-finite: they are the gaps).
 * @returns a new `(number | null)[]` of length n.
 */
export function toPlotArray(values: ArrayLike<number>): (number | null)[] {
  requireSeries("toPlotArray", "values", values, true);
  return plotArray(values);
}

/** {@link toPlotArray} for a validated series. @internal */
export function plotArray(values: ArrayLike<number>): (number | null)[] {
  const out = new Array<number | null>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = Number.isFinite(v) ? v : null;
  }
  return out;
}

/**
 * A deep copy of a value in which only JSON survives: typed arrays become arrays, non-finite
 * numbers become `null`, `undefined` properties and functions are dropped, Dates become ISO
 * strings. Used on every figure so that what is displayed is what is stored.
 * @param value - any figure part (traces, layout, config).
 * @returns the JSON-able copy.
 */
export function toJsonValue(value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" || typeof value === "boolean" || value === null) return value;
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number | bigint>, (v) =>
      typeof v === "number" ? toJsonValue(v) : Number(v),
    );
  }
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : toJsonValue(v)));
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (v !== undefined && typeof v !== "function") out[key] = toJsonValue(v);
    }
    return out;
  }
  return null; // undefined, functions, symbols and bigints outside typed arrays
}
