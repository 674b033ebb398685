import { dashArray, scatterMode } from "./svg-scatter";
import {
  finiteOr,
  num,
  paint,
  stringOr,
  textElement,
  textWidth,
  type TraceFields,
} from "./svg-markup";

/** One legend entry: the trace (for its symbol), its name and its resolved colour. @internal */
export interface LegendEntry {
  trace: TraceFields;
  name: string;
  color: string;
}

/** The legend's layout fields the static renderer reads. */
export interface LegendFields {
  x?: number;
  y?: number;
  xanchor?: string;
  yanchor?: string;
  bgcolor?: string;
  bordercolor?: string;
  borderwidth?: number;
  font?: { size?: number };
  orientation?: string;
}

/** The traces plotly lists in the legend: shown, not heatmaps, `showlegend` not false. */
export function legendEntries(
  traces: readonly TraceFields[],
  colors: readonly string[],
): LegendEntry[] {
  return traces
    .map((trace, i) => ({
      trace,
      name: trace.name === undefined ? `trace ${i}` : String(trace.name),
      color: colors[i],
    }))
    .filter(
      ({ trace }) =>
        trace.showlegend !== false && trace.type !== "heatmap" && trace.visible !== false,
    );
}

/** The symbol of an entry, centred on (20, 0): a fill swatch, a line sample, a marker, a bar. */
function symbol(e: LegendEntry): string {
  const t = e.trace;
  if (t.type === "bar" || t.type === "histogram") {
    const c = paint(t.marker?.color, e.color);
    const opacity = finiteOr(t.opacity, 1) * c.opacity;
    return `<path d="M14 -6h12v12h-12Z" fill="${c.paint}"${opacity < 1 ? ` fill-opacity="${opacity}"` : ""}/>`;
  }
  const lineColor = stringOr(t.line?.color, e.color);
  const { lines, markers } = scatterMode(t);
  let out = "";
  if (t.fill === "toself" || t.fill === "tozeroy") {
    const f = paint(t.fillcolor, lineColor);
    out += `<path d="M5 -2h30v6h-30Z" fill="${f.paint}" fill-opacity="${typeof t.fillcolor === "string" ? f.opacity : 0.5}"/>`;
  }
  const width = Math.min(finiteOr(t.line?.width, 2), 5);
  if (lines && width > 0) {
    const c = paint(lineColor);
    const dash = dashArray(t.line?.dash, width);
    out += `<path d="M5 0h30" stroke="${c.paint}" stroke-width="${num(width)}"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`;
  }
  if (markers) {
    const c = paint(t.marker?.color, lineColor);
    const size = Math.min(finiteOr(t.marker?.size, 6), 16);
    out += `<path d="M20 0h0" stroke="${c.paint}" stroke-width="${num(size)}" stroke-linecap="${t.marker?.symbol === "square" ? "square" : "round"}"/>`;
  }
  const opacity = finiteOr(t.opacity, 1) * (t.visible === "legendonly" ? 0.5 : 1);
  return opacity < 1 ? `<g opacity="${opacity}">${out}</g>` : out;
}

/** Where each entry goes in a legend box and the box's size, vertical or horizontal ("h"). */
function arrange(
  entries: readonly LegendEntry[],
  legend: LegendFields,
  size: number,
  maxWidth: number,
): { width: number; height: number; at: [number, number][] } {
  const step = 1.514 * size;
  const widths = entries.map((e) => 40 + textWidth(e.name, size));
  if (legend.orientation !== "h") {
    const at = entries.map((_, k): [number, number] => [0, 0.375 * size + step * (k + 0.5)]);
    return { width: 6 + Math.max(...widths), height: entries.length * step + 0.75 * size, at };
  }
  const at: [number, number][] = [];
  let [x, row, widest] = [0, 0, 0];
  widths.forEach((w) => {
    if (x > 0 && x + w > maxWidth) [x, row] = [0, row + 1];
    at.push([x, 0.375 * size + step * (row + 0.5)]);
    x += w + 10;
    widest = Math.max(widest, x - 10);
  });
  return { width: widest + 6, height: (row + 1) * step + 0.75 * size, at };
}

/**
 * Space a legend outside the plot area takes (plotly pushes the margins for it): below, for a
 * horizontal legend at y < 0; to the right, for a vertical one left-anchored at x > 1 (plotly's
 * default position).
 */
export function legendReserve(
  entries: readonly LegendEntry[],
  legend: LegendFields,
  fontSize: number,
  maxWidth: number,
): { right: number; bottom: number } {
  if (entries.length === 0) return { right: 0, bottom: 0 };
  const { width, height } = arrange(
    entries,
    legend,
    finiteOr(legend.font?.size, fontSize),
    maxWidth,
  );
  const x = finiteOr(legend.x, 1.02);
  if (legend.orientation === "h" && finiteOr(legend.y, 1) < 0)
    return { right: 0, bottom: height + 6 };
  if (legend.orientation !== "h" && x > 1 && (legend.xanchor ?? "left") !== "right") {
    return { right: width + 10, bottom: 0 };
  }
  return { right: 0, bottom: 0 };
}

/**
 * The legend as plotly lays it out: entries 1.514 font sizes apart (in rows for "h"), symbol in
 * the first 40 px, name after it, on a box at paper (x, y) of the plot area with plotly's anchors
 * ("auto": left/centre/right by thirds of x, top/middle/bottom by thirds of y); a legend that
 * has space reserved below the figure (legendReserve) sits in it.
 * @see plotly.js, `src/components/legend/draw.js`.
 */
export function legendSvg(
  entries: readonly LegendEntry[],
  legend: LegendFields,
  area: { left: number; top: number; width: number; height: number },
  fontSize: number,
  figureHeight: number,
): string {
  if (entries.length === 0) return "";
  const size = finiteOr(legend.font?.size, fontSize);
  const { width, height, at } = arrange(entries, legend, size, area.width);
  const x = finiteOr(legend.x, 1.02);
  const y = finiteOr(legend.y, 1);
  const xa = anchor(legend.xanchor, x, ["left", "center", "right"]);
  const ya = anchor(legend.yanchor, y, ["bottom", "middle", "top"]);
  const px =
    area.left + x * area.width - (xa === "right" ? width : xa === "center" ? width / 2 : 0);
  const below = legend.orientation === "h" && y < 0;
  const py = below
    ? figureHeight - height - 3
    : area.top +
      (1 - y) * area.height -
      (ya === "bottom" ? height : ya === "middle" ? height / 2 : 0);
  const bg = paint(legend.bgcolor, "#ffffff");
  const border = finiteOr(legend.borderwidth, 0);
  const rows = entries.map((e, k) => {
    const [ex, ey] = at[k];
    return `<g transform="translate(${num(ex)} ${num(ey)})">${symbol(e)}${textElement(40, 0.39 * size, e.name, { size })}</g>`;
  });
  return (
    `<g transform="translate(${num(px)} ${num(py)})">` +
    `<rect width="${num(width)}" height="${num(height)}" fill="${bg.paint}"${bg.opacity < 1 ? ` fill-opacity="${bg.opacity}"` : ""}` +
    (border > 0 ? ` stroke="${paint(legend.bordercolor).paint}" stroke-width="${border}"` : "") +
    `/>${rows.join("")}</g>`
  );
}

/** An anchor: the given one, else plotly's "auto" by thirds of the paper coordinate. */
function anchor(given: string | undefined, v: number, names: [string, string, string]): string {
  if (given !== undefined && given !== "auto") return given;
  return v <= 1 / 3 ? names[0] : v >= 2 / 3 ? names[2] : names[1];
}
