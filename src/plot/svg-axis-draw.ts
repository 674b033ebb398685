import type { Axis } from "./svg-axes";
import { toPx } from "./svg-axes";
import { linearTicks, logTicks, tickLabels } from "./svg-ticks";
import { finiteOr, num, paint, textElement, textWidth, titleText } from "./svg-markup";

/** An axis's tick values and labels; plotly's density: one per 80 px on x, 40 px on y, 5 to 10. */
export function axisTicks(axis: Axis): { values: number[]; labels: string[] } {
  const length = Math.abs(axis.p1 - axis.p0);
  const target = Math.max(4, Math.min(9, length / (axis.letter === "x" ? 80 : 40))) + 1;
  const [lo, hi] = axis.range;
  const values = axis.log ? logTicks(lo, hi, target) : linearTicks(lo, hi, target);
  const step = values.length > 1 ? Math.abs(values[1] - values[0]) : 1;
  const format = axis.fields.exponentformat ?? "B";
  return { values, labels: tickLabels(values, step, format, axis.log) };
}

/** Styles with plotly's defaults for an axis the layout does not theme. */
function style(axis: Axis) {
  const f = axis.fields;
  return {
    grid: f.showgrid !== false ? paint(f.gridcolor, "#eeeeee") : null,
    zero: (f.zeroline ?? !axis.inLayout) && !axis.log ? paint(f.zerolinecolor) : null,
    line: f.showline === true ? paint(f.linecolor) : null,
    lineWidth: finiteOr(f.linewidth, 1),
    ticks: f.ticks === "outside" || f.ticks === "inside" ? f.ticks : "",
    tickColor: paint(f.tickcolor),
    labels: f.showticklabels !== false,
  };
}

const tickLength = 5;

/** Pixels an axis needs outside its subplot for tick marks, labels and title (for automargin). */
export function axisSpace(axis: Axis, font: number): number {
  const s = style(axis);
  const ticks = s.ticks === "outside" ? tickLength : 0;
  const title = titleText(axis.fields.title) ? 1.45 * Math.round(1.2 * font) + 4 : 0;
  if (!s.labels) return ticks + title + 4;
  if (axis.letter === "x") return ticks + 1.2 * font + 4 + title + 4;
  const widest = Math.max(0, ...axisTicks(axis).labels.map((l) => textWidth(l, font)));
  return ticks + 5 + widest + 6 + title;
}

/** Grid lines and zero lines of the subplot (x, y), within its box. */
export function gridSvg(x: Axis, y: Axis): string {
  const [top, bottom] = [Math.min(y.p0, y.p1), Math.max(y.p0, y.p1)];
  const [left, right] = [Math.min(x.p0, x.p1), Math.max(x.p0, x.p1)];
  let out = "";
  for (const axis of [x, y]) {
    const s = style(axis);
    const across = (p: number): string =>
      axis.letter === "x"
        ? `M${num(p)} ${num(top)}V${num(bottom)}`
        : `M${num(left)} ${num(p)}H${num(right)}`;
    if (s.grid) {
      const d = axisTicks(axis)
        .values.map((v) => across(toPx(axis, v)))
        .join("");
      out += `<path d="${d}" stroke="${s.grid.paint}" stroke-width="1" fill="none"/>`;
    }
    if (s.zero && axis.range[0] < 0 && axis.range[1] > 0) {
      out += `<path d="${across(toPx(axis, 0))}" stroke="${s.zero.paint}" stroke-width="1"/>`;
    }
  }
  return out;
}

/**
 * An axis drawn at `edge` (the pixel line of its anchor subplot's bottom, or left for y): the
 * axis line, tick marks, tick labels (x below, y right-aligned to the left) and its title.
 */
export function axisSvg(axis: Axis, edge: number, font: number, color: string): string {
  const s = style(axis);
  const x = axis.letter === "x";
  const [a, b] = [Math.min(axis.p0, axis.p1), Math.max(axis.p0, axis.p1)];
  let out = "";
  if (s.line) {
    const d = x ? `M${num(a)} ${num(edge)}H${num(b)}` : `M${num(edge)} ${num(a)}V${num(b)}`;
    out += `<path d="${d}" stroke="${s.line.paint}" stroke-width="${num(s.lineWidth)}"/>`;
  }
  const { values, labels } = axisTicks(axis);
  const out1 = s.ticks === "outside" ? tickLength : 0;
  if (s.ticks) {
    const len = s.ticks === "outside" ? tickLength : -tickLength;
    const d = values
      .map((v) => toPx(axis, v))
      .map((p) => (x ? `M${num(p)} ${num(edge)}v${len}` : `M${num(edge)} ${num(p)}h${-len}`))
      .join("");
    out += `<path d="${d}" stroke="${s.tickColor.paint}" stroke-width="1"/>`;
  }
  let widest = 0;
  if (s.labels) {
    values.forEach((v, k) => {
      const p = toPx(axis, v);
      if (x)
        out += textElement(p, edge + out1 + 1.2 * font, labels[k], {
          size: font,
          anchor: "middle",
        });
      else
        out += textElement(edge - out1 - 5, p + 0.35 * font, labels[k], {
          size: font,
          anchor: "end",
        });
      widest = Math.max(widest, textWidth(labels[k], font));
    });
  }
  const title = titleText(axis.fields.title);
  if (title) {
    const size = Math.round(1.2 * font);
    const mid = (a + b) / 2;
    const below = edge + out1 + (s.labels ? 1.2 * font + 4 : 0) + 1.45 * size;
    const left = edge - out1 - 5 - widest - 6;
    out += x
      ? textElement(mid, below, title, { size, anchor: "middle" })
      : textElement(left, mid, title, { size, anchor: "middle", rotate: -90 });
  }
  return `<g fill="${color}">${out}</g>`;
}
