/**
 * Markup helpers of the static SVG renderer (`figureSvg`): numbers, text, colours, and the loose
 * view of a JSON trace and axis the renderer reads. @internal
 */

/** The trace fields the static renderer reads (a JSON trace: arrays hold numbers or null). */
export interface TraceFields {
  type?: string;
  mode?: string;
  name?: string;
  showlegend?: boolean;
  visible?: boolean | string;
  opacity?: number;
  x?: unknown[];
  y?: unknown[];
  z?: unknown[][];
  xaxis?: string;
  yaxis?: string;
  line?: { color?: string; width?: number; dash?: string };
  marker?: {
    color?: unknown;
    size?: number;
    symbol?: string;
    opacity?: number;
    line?: { width?: number; color?: string };
  };
  fill?: string;
  fillcolor?: string;
  error_y?: {
    visible?: boolean;
    type?: string;
    array?: unknown[];
    arrayminus?: unknown[];
    symmetric?: boolean;
    value?: number;
    color?: string;
    thickness?: number;
    width?: number;
  };
  width?: unknown;
  histnorm?: string;
  xbins?: { start?: number; end?: number; size?: number };
  colorscale?: unknown;
  reversescale?: boolean;
  zmin?: number;
  zmax?: number;
  showscale?: boolean;
  colorbar?: { title?: { text?: string } | string; x?: number; len?: number; thickness?: number };
}

/** The axis fields the static renderer reads. */
export interface AxisFields {
  type?: string;
  range?: unknown[];
  autorange?: boolean | string;
  domain?: number[];
  anchor?: string;
  title?: { text?: string } | string;
  showgrid?: boolean;
  gridcolor?: string;
  showline?: boolean;
  linecolor?: string;
  linewidth?: number;
  ticks?: string;
  tickcolor?: string;
  zeroline?: boolean;
  zerolinecolor?: string;
  exponentformat?: string;
  scaleanchor?: string;
  scaleratio?: number;
  showticklabels?: boolean;
  automargin?: boolean;
}

const object = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
const array = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined);

/**
 * A trace of any JSON as the renderer reads it: arrays where arrays are read, objects where
 * objects are (anything else as absent); scalars are checked where they are used.
 */
export function traceFields(raw: unknown): TraceFields {
  const t = object(raw) ?? {};
  const marker = object(t.marker);
  const errors = object(t.error_y);
  return {
    ...t,
    x: array(t.x),
    y: array(t.y),
    z: array(t.z)?.map((row) => array(row) ?? []),
    line: object(t.line),
    marker: marker && { ...marker, line: object(marker.line) },
    error_y: errors && {
      ...errors,
      array: array(errors.array),
      arrayminus: array(errors.arrayminus),
    },
    xbins: object(t.xbins),
    colorbar: object(t.colorbar),
  } as TraceFields;
}

/** A coordinate in px as SVG text: one decimal, no "-0". */
export function num(v: number): string {
  const r = Math.round(Math.max(-1e5, Math.min(1e5, v)) * 10) / 10;
  return String(r === 0 ? 0 : r);
}

/** Text made safe for SVG character data and attribute values. */
export function escapeXml(s: string): string {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A finite number, else the fallback. */
export function finiteOr(v: unknown, fallback: number): number {
  return typeof v === "number" && Number.isFinite(v) ? v : fallback;
}

/** The text of a plotly title: `{ text }` or a bare string; "" when absent. */
export function titleText(title: unknown): string {
  if (typeof title === "string") return title;
  if (typeof title === "object" && title !== null) {
    const text = (title as { text?: unknown }).text;
    if (typeof text === "string") return text;
  }
  return "";
}

/** A string field of a figure, else the fallback (JSON from elsewhere may hold anything). */
export function stringOr(v: unknown, fallback: string): string {
  return typeof v === "string" ? v : fallback;
}

/**
 * A CSS colour (the fallback when `color` is not a string, e.g. a per-point array) split into an
 * escaped SVG paint and an opacity: `rgba(r,g,b,a)` becomes `rgb(r,g,b)` and `a`, so that
 * renderers without CSS colour level 4 (Inkscape, librsvg) show it too.
 */
export function paint(color: unknown, fallback = "#444444"): { paint: string; opacity: number } {
  const c = stringOr(color, fallback);
  const m = /^rgba\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*\)$/i.exec(c);
  if (m) return { paint: `rgb(${m[1]},${m[2]},${m[3]})`, opacity: Number(m[4]) };
  return { paint: escapeXml(c), opacity: 1 };
}

/** Approximate advance widths (em) of a proportional sans-serif face, by character class. */
function charWidth(c: string): number {
  if (/[ .,:;'|!ilj()[\]\u2009]/.test(c)) return 0.3;
  if (/[ftr\-−_`"]/.test(c)) return 0.4;
  if (/[mwMW]/.test(c)) return 0.85;
  if (/[A-Z]/.test(c)) return 0.65;
  if (/[\u2070-\u209f]/.test(c)) return 0.35; // super- and subscripts
  return 0.55;
}

/** Estimated width in px of a line of text at a font size (no font metrics without a browser). */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const c of text) w += charWidth(c);
  return w * size;
}

/** A `<text>` element; `anchor` is start, middle or end; `rotate` in degrees about (x, y). */
export function textElement(
  x: number,
  y: number,
  text: string,
  attrs: { size: number; anchor?: string; color?: string; rotate?: number; baseline?: string },
): string {
  const rotate = attrs.rotate ? ` transform="rotate(${attrs.rotate} ${num(x)} ${num(y)})"` : "";
  const anchor = attrs.anchor && attrs.anchor !== "start" ? ` text-anchor="${attrs.anchor}"` : "";
  const baseline = attrs.baseline ? ` dominant-baseline="${attrs.baseline}"` : "";
  const color = attrs.color ? ` fill="${escapeXml(attrs.color)}"` : "";
  return `<text x="${num(x)}" y="${num(y)}" font-size="${attrs.size}"${anchor}${baseline}${color}${rotate}>${escapeXml(text)}</text>`;
}
