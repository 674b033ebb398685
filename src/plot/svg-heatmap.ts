import type { Extent } from "./svg-axes";
import { toPx } from "./svg-axes";
import { colorAt, colorscaleStops } from "./colorscales";
import { palettePng } from "./png-image";
import type { TraceContext } from "./svg-polyline";
import { linearTicks, tickLabels } from "./svg-ticks";
import { finiteOr, num, textElement, textWidth, titleText, type TraceFields } from "./svg-markup";

/** A heatmap's grid: cell edges along x and y, z rows, and its colour limits. @internal */
export interface HeatmapGrid {
  xEdges: number[];
  yEdges: number[];
  z: (number | null)[][];
  zmin: number;
  zmax: number;
}

/** Cell edges from cell centres: midpoints, the ends half a step out (as plotly). */
function edgesOf(centres: number[]): number[] {
  const n = centres.length;
  if (n === 1) return [centres[0] - 0.5, centres[0] + 0.5];
  const e = [centres[0] - (centres[1] - centres[0]) / 2];
  for (let k = 1; k < n; k++) e.push((centres[k - 1] + centres[k]) / 2);
  e.push(centres[n - 1] + (centres[n - 1] - centres[n - 2]) / 2);
  return e;
}

/** The grid of a heatmap trace (x, y default to indices; non-numbers in z are blank cells). */
export function heatmapGrid(t: TraceFields): HeatmapGrid {
  const z = (t.z ?? []).map((row) =>
    (Array.isArray(row) ? row : []).map((v) =>
      typeof v === "number" && Number.isFinite(v) ? v : null,
    ),
  );
  const nx = Math.max(0, ...z.map((r) => r.length));
  const axis = (v: unknown[] | undefined, n: number): number[] =>
    Array.from({ length: n }, (_, k) => finiteOr(v?.[k], k));
  const values = z.flat().filter((v): v is number => v !== null);
  let zmin = finiteOr(t.zmin, Math.min(...values));
  let zmax = finiteOr(t.zmax, Math.max(...values));
  if (!(zmin < zmax)) [zmin, zmax] = [zmin - 0.5, zmin + 0.5];
  return { xEdges: edgesOf(axis(t.x, nx)), yEdges: edgesOf(axis(t.y, z.length)), z, zmin, zmax };
}

/** What a heatmap spans: its outer cell edges, unpadded. */
export function heatmapExtent(g: HeatmapGrid): { x: Extent; y: Extent } {
  const span = (e: number[]): Extent => ({
    min: Math.min(...e),
    max: Math.max(...e),
    padded: false,
  });
  return { x: span(g.xEdges), y: span(g.yEdges) };
}

/** For each raster position between the first and last edge pixel, the cell it falls in. */
function cellIndex(edgesPx: number[], count: number): { lo: number; hi: number; cells: number[] } {
  const lo = Math.min(edgesPx[0], edgesPx[edgesPx.length - 1]);
  const hi = Math.max(edgesPx[0], edgesPx[edgesPx.length - 1]);
  const cells: number[] = [];
  for (let r = 0; r < count; r++) {
    const p = lo + ((r + 0.5) / count) * (hi - lo);
    let k = 0;
    while (
      k < edgesPx.length - 2 &&
      !(p >= Math.min(edgesPx[k], edgesPx[k + 1]) && p <= Math.max(edgesPx[k], edgesPx[k + 1]))
    )
      k++;
    cells.push(k);
  }
  return { lo, hi, cells };
}

/** Raster resolution: one pixel per cell on a uniform grid, else enough to place the edges. */
function resolution(edgesPx: number[]): number {
  const n = edgesPx.length - 1;
  const steps = edgesPx.slice(1).map((e, k) => Math.abs(e - edgesPx[k]));
  const uniform = steps.every((s) => Math.abs(s - steps[0]) <= 1e-6 * Math.abs(steps[0]) + 1e-9);
  return uniform ? n : Math.min(512, 4 * n);
}

/**
 * A heatmap as an SVG `<image>`: a palette PNG (254 levels of the colour scale, blank cells
 * transparent) stretched over the grid's pixel box, drawn without smoothing.
 */
export function heatmapSvg(t: TraceFields, g: HeatmapGrid, ctx: TraceContext): string {
  const xPx = g.xEdges.map((e) => toPx(ctx.x, e));
  const yPx = g.yEdges.map((e) => toPx(ctx.y, e));
  if (![...xPx, ...yPx].every(Number.isFinite) || g.z.length === 0) return "";
  const cols = cellIndex(xPx, resolution(xPx));
  const rows = cellIndex(yPx, resolution(yPx));
  const stops = colorscaleStops(t.colorscale, t.reversescale === true);
  const palette = Array.from({ length: 254 }, (_, k) => colorAt(stops, k / 253));
  palette.push([0, 0, 0]); // 254: transparent
  const w = cols.cells.length;
  const h = rows.cells.length;
  const indices = new Uint8Array(w * h);
  for (let r = 0; r < h; r++) {
    const row = g.z[rows.cells[r]] ?? [];
    for (let c = 0; c < w; c++) {
      const v = row[cols.cells[c]];
      const u = v === null || v === undefined ? -1 : Math.max(0, (v - g.zmin) / (g.zmax - g.zmin));
      indices[r * w + c] = u < 0 ? 254 : Math.round(Math.min(1, u) * 253);
    }
  }
  const png = palettePng(w, h, indices, palette, 254);
  return (
    `<image x="${num(cols.lo)}" y="${num(rows.lo)}" width="${num(cols.hi - cols.lo)}" height="${num(rows.hi - rows.lo)}"` +
    ` preserveAspectRatio="none" image-rendering="optimizeSpeed" style="image-rendering:pixelated" xlink:href="data:image/png;base64,${png}"/>`
  );
}

/** The colour bar of a heatmap at paper x (default 1.02): gradient, outline, labels, title. */
export function colorbarSvg(
  t: TraceFields,
  g: HeatmapGrid,
  area: { left: number; top: number; width: number; height: number },
  font: number,
  id: string,
): { svg: string; right: number } {
  const x0 = area.left + finiteOr(t.colorbar?.x, 1.02) * area.width;
  const thick = finiteOr(t.colorbar?.thickness, 30);
  const title = titleText(t.colorbar?.title);
  const full = finiteOr(t.colorbar?.len, 1) * area.height;
  const len = title ? full - 1.6 * font : full; // plotly keeps the title inside the bar's length
  const top = area.top + (area.height - full) / 2 + (full - len);
  const stops = colorscaleStops(t.colorscale, t.reversescale === true);
  const gradient = stops
    .map(
      ([l, [r, gg, b]]) =>
        `<stop offset="${(1 - l).toFixed(4)}" stop-color="rgb(${r},${gg},${b})"/>`,
    )
    .reverse()
    .join("");
  const ticks = linearTicks(g.zmin, g.zmax, Math.max(2, len / 35));
  const labels = tickLabels(ticks, ticks.length > 1 ? ticks[1] - ticks[0] : 1);
  const size = font;
  const y = (v: number): number => top + len - ((v - g.zmin) / (g.zmax - g.zmin)) * len;
  const text = ticks.map((v, k) =>
    textElement(x0 + thick + 4, y(v), labels[k], { size, baseline: "central" }),
  );
  const widest = Math.max(0, ...labels.map((l) => textWidth(l, size)));
  const svg =
    `<defs><linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1">${gradient}</linearGradient></defs>` +
    `<rect x="${num(x0)}" y="${num(top)}" width="${thick}" height="${num(len)}" fill="url(#${id})" stroke="#444" stroke-width="1"/>` +
    text.join("") +
    (title ? textElement(x0, top - 8, title, { size }) : "");
  return { svg, right: x0 + thick + 4 + Math.max(widest, textWidth(title, size) - thick - 4) };
}
