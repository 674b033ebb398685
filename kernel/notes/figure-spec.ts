/**
 * The figures of a lecture: every plotly output (`application/vnd.plotly.v1+json`) of every code
 * cell, hidden cells included, with a stable name `<cell id>-<n>` (n counts the cell's figures from
 * 1), so `figures/<notebook>/<cell id>-<n>.svg|png` keep their names across runs. The manifest
 * (`figures/manifest.json`) records a hash of each figure's JSON, so a static copy is re-rendered
 * only when its figure changed and the site uses a static copy only while it is current.
 */
import { createHash } from "crypto";
import fs from "fs";
import path from "path";
import { notesError } from "./errors";
import { Lecture, LectureCell } from "./lecture";

export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** Bump when the static rendering changes (size, scale, page), so every figure re-renders. */
export const RENDER_VERSION = 1;

/** A figure's JSON payload, as the plot display emits it. */
export interface PlotlyPayload {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
  config: Record<string, unknown>;
}

export interface FigureRef {
  /** `<cell id>-<n>`. */
  name: string;
  /** The notebook's stem: the folder of its static copies. */
  stem: string;
  cell: LectureCell;
  payload: PlotlyPayload;
  /** The output's text/plain (a one-line summary), for alt text. */
  summary: string;
  /** Hash of the payload and RENDER_VERSION. */
  hash: string;
  /** Static size in CSS pixels: the layout's width and height, else 800 × 420. */
  width: number;
  height: number;
}

const mimeText = (v: unknown): string => (Array.isArray(v) ? v.join("") : String(v ?? ""));

/** The payload of a plotly output, checked; throws naming the cell. */
export function plotlyPayload(cell: LectureCell, value: unknown): PlotlyPayload {
  const p = value as Partial<PlotlyPayload> | null;
  if (typeof p !== "object" || p === null || Array.isArray(p) || !Array.isArray(p.data)) {
    throw notesError(cell.where, `${PLOTLY_MIME} output is not a { data: [...] } object`);
  }
  const obj = (v: unknown) => (typeof v === "object" && v !== null && !Array.isArray(v) ? v : {});
  return {
    data: p.data,
    layout: obj(p.layout) as Record<string, unknown>,
    config: obj(p.config) as Record<string, unknown>,
  };
}

/** One cell's figure outputs in order, named `<cell id>-<n>`. */
export function cellFigures(stem: string, cell: LectureCell): FigureRef[] {
  const refs: FigureRef[] = [];
  for (const out of cell.outputs) {
    const data = out.data as Record<string, unknown> | undefined;
    if (!data || !(PLOTLY_MIME in data)) continue;
    const payload = plotlyPayload(cell, data[PLOTLY_MIME]);
    const num = (v: unknown, d: number) => (typeof v === "number" && v > 0 ? Math.round(v) : d);
    refs.push({
      name: `${cell.id}-${refs.length + 1}`,
      stem,
      cell,
      payload,
      summary: mimeText(data["text/plain"]).trim() || "Figure",
      hash: createHash("sha256")
        .update(`${RENDER_VERSION}\n${JSON.stringify(payload)}`)
        .digest("hex"),
      width: num(payload.layout.width, 800),
      height: num(payload.layout.height, 420),
    });
  }
  return refs;
}

/** Every figure of a lecture, in page order. */
export function lectureFigures(lecture: Lecture): FigureRef[] {
  return lecture.cells
    .filter((c) => c.type === "code")
    .flatMap((c) => cellFigures(lecture.stem, c));
}

/** `figures/manifest.json`: per `<stem>/<name>`, the hash of the figure its files show. */
export type Manifest = Record<string, { sha256: string }>;

export const manifestKey = (f: FigureRef) => `${f.stem}/${f.name}`;

/** The manifest of a figures folder (empty when there is none). */
export function readManifest(figuresDir: string): Manifest {
  const file = path.join(figuresDir, "manifest.json");
  if (!fs.existsSync(file)) return {};
  try {
    return (JSON.parse(fs.readFileSync(file, "utf8")) as { figures: Manifest }).figures ?? {};
  } catch (err) {
    throw notesError(file, `is not valid JSON: ${(err as Error).message}`);
  }
}

/** Write the manifest with sorted keys (stable bytes), atomically. */
export function writeManifest(figuresDir: string, manifest: Manifest): void {
  const sorted = Object.fromEntries(
    Object.keys(manifest)
      .sort()
      .map((k) => [k, manifest[k]]),
  );
  writeFileAtomic(
    path.join(figuresDir, "manifest.json"),
    JSON.stringify({ renderVersion: RENDER_VERSION, figures: sorted }, null, 2) + "\n",
  );
}

/** The static files of a figure, when both exist and show the figure's current JSON. */
export function currentStatic(figuresDir: string, manifest: Manifest, f: FigureRef): boolean {
  const base = path.join(figuresDir, f.stem, f.name);
  return (
    manifest[manifestKey(f)]?.sha256 === f.hash &&
    fs.existsSync(`${base}.svg`) &&
    fs.existsSync(`${base}.png`)
  );
}

/** Write a file through a temporary sibling and a rename. */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}
