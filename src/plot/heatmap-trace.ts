import type { ColorScale, PlotData } from "plotly.js";
import { plotArray } from "./to-plot-array";
import { describeValue, requireFinite, requireOptions } from "../base";
import { optionalString, requireSeries } from "./validate";

/** Colouring of a heatmap. */
export interface HeatmapTraceOptions {
  /** Legend/hover name. */
  name?: string;
  /** Colour scale: a plotly name or [level, colour] pairs (default "Viridis", perceptually uniform). */
  colorscale?: ColorScale;
  /** Colour bar title, e.g. "p(t, x)". */
  colorbarTitle?: string;
  /** Fixed colour limits, finite, zmin < zmax (default: the data's range). */
  zmin?: number;
  zmax?: number;
}

/**
 * A heatmap of $z(y_i, x_j)$ on a grid, e.g. a density $p(t, x)$ with t down the rows; non-finite
 * values are blank cells (by design, as gaps).
 * @param x - column coordinates, shape (nx,), nx ≥ 1.
 * @param y - row coordinates, shape (ny,), ny ≥ 1.
 * @param z - values, shape (ny, nx) row-major: `z[i * nx + j]` is at `(x[j], y[i])`.
 * @param options - name, colorscale, colorbarTitle, zmin, zmax.
 * @returns a plotly heatmap trace whose z is a plain `(number | null)[][]`.
 */
export function heatmapTrace(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  z: ArrayLike<number>,
  options?: HeatmapTraceOptions,
): Partial<PlotData> {
  const fn = "heatmapTrace";
  requireSeries(fn, "x", x);
  requireSeries(fn, "y", y);
  requireSeries(fn, "z", z);
  const nx = x.length;
  const ny = y.length;
  if (z.length !== nx * ny) {
    throw new RangeError(
      `${fn}: z must have length y.length * x.length = ${ny} * ${nx} = ${nx * ny}, got ${z.length}`,
    );
  }
  const o = requireOptions(fn, options);
  const name = optionalString(fn, "options.name", o.name);
  const colorbarTitle = optionalString(fn, "options.colorbarTitle", o.colorbarTitle);
  if (
    o.colorscale !== undefined &&
    typeof o.colorscale !== "string" &&
    !Array.isArray(o.colorscale)
  ) {
    throw new TypeError(
      `${fn}: options.colorscale must be a colour scale name or an array of [level, colour] pairs, got ${describeValue(o.colorscale)}`,
    );
  }
  const zmin = o.zmin === undefined ? undefined : requireFinite(fn, "options.zmin", o.zmin);
  const zmax = o.zmax === undefined ? undefined : requireFinite(fn, "options.zmax", o.zmax);
  if (zmin !== undefined && zmax !== undefined && !(zmin < zmax)) {
    throw new RangeError(
      `${fn}: options.zmax must exceed options.zmin (${zmin}), got ${describeValue(zmax)}`,
    );
  }
  const flat = plotArray(z);
  const rows: (number | null)[][] = [];
  for (let i = 0; i < ny; i++) rows.push(flat.slice(i * nx, (i + 1) * nx));
  const trace: Partial<PlotData> = {
    type: "heatmap",
    x: plotArray(x),
    y: plotArray(y),
    z: rows,
    colorscale: o.colorscale ?? "Viridis",
  };
  if (name !== undefined) trace.name = name;
  if (colorbarTitle !== undefined) trace.colorbar = { title: { text: colorbarTitle } };
  if (zmin !== undefined) trace.zmin = zmin;
  if (zmax !== undefined) trace.zmax = zmax;
  return trace;
}
