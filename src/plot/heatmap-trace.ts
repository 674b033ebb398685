import type { ColorScale, PlotData } from "plotly.js";
import { toPlotArray } from "./to-plot-array";
import { describeValue } from "../base";
import { optionalNumberIn, optionalString, requireOptions, requireSeries } from "./validate";

/** Colouring of a heatmap. */
export interface HeatmapTraceOptions {
  /** Legend/hover name. */
  name?: string;
  /** Colour scale (default "Viridis", perceptually uniform). */
  colorscale?: ColorScale;
  /** Colour bar title, e.g. "p(t, x)". */
  colorbarTitle?: string;
  /** Fixed colour limits (default: the data's range). */
  zmin?: number;
  zmax?: number;
}

/**
 * A heatmap of $z(y_i, x_j)$ on a grid, e.g. a density $p(t, x)$ with t down the rows.
 * @param x - column coordinates, shape (nx,).
 * @param y - row coordinates, shape (ny,).
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
  const name = optionalString(fn, "name", o.name);
  const colorbarTitle = optionalString(fn, "colorbarTitle", o.colorbarTitle);
  const zmin = optionalNumberIn(fn, "zmin", o.zmin, -Infinity, Infinity);
  const zmax = optionalNumberIn(fn, "zmax", o.zmax, -Infinity, Infinity);
  if (zmin !== undefined && zmax !== undefined && !(zmin < zmax)) {
    throw new RangeError(`${fn}: zmax must exceed zmin (${zmin}), got ${describeValue(zmax)}`);
  }
  const flat = toPlotArray(z);
  const rows: (number | null)[][] = [];
  for (let i = 0; i < ny; i++) rows.push(flat.slice(i * nx, (i + 1) * nx));
  const trace: Partial<PlotData> = {
    type: "heatmap",
    x: toPlotArray(x),
    y: toPlotArray(y),
    z: rows,
    colorscale: o.colorscale ?? "Viridis",
  };
  if (name !== undefined) trace.name = name;
  if (colorbarTitle !== undefined) trace.colorbar = { title: { text: colorbarTitle } };
  if (zmin !== undefined) trace.zmin = zmin;
  if (zmax !== undefined) trace.zmax = zmax;
  return trace;
}
