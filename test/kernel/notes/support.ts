/** Helpers for the notes tests (not a test file): executed notebooks built in memory. */
import fs from "fs";
import os from "os";
import path from "path";
import { Lecture, readLecture } from "../../../kernel/notes/lecture";

export const root = path.resolve(__dirname, "..", "..", "..");

type Out = Record<string, unknown>;
export interface CellSpec {
  type?: "markdown" | "code" | "raw";
  id?: string;
  source: string;
  outputs?: Out[];
  /** null: not executed (default 1 for code cells). */
  count?: number | null;
}

export const md = (id: string, source: string): CellSpec => ({ type: "markdown", id, source });
export const code = (
  id: string,
  source: string,
  outputs: Out[] = [],
  count: number | null = 1,
) => ({
  type: "code" as const,
  id,
  source,
  outputs,
  count,
});
export const stdout = (text: string): Out => ({ output_type: "stream", name: "stdout", text });
export const plot = (payload: unknown, plain = "Figure: 1 trace (scatter)"): Out => ({
  output_type: "display_data",
  data: {
    "application/vnd.plotly.v1+json": payload,
    "text/html": "<div>inlined plotly.js would be here</div>",
    "text/plain": plain,
  },
  metadata: {},
});
export const TITLE = md(
  "t-00",
  "# 07 · Test lecture\n\n*A one-line subtitle with $x_1$.*\n\n**What we will verify:**\n\n1. that $a_b = c$;\n2. that it works.\n",
);

/** An nbformat 4.5 notebook object. */
export function notebook(cells: CellSpec[]): Record<string, unknown> {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: cells.map((c) => {
      const type = c.type ?? "code";
      const base = { id: c.id, cell_type: type, source: c.source, metadata: {} };
      return type === "code"
        ? {
            ...base,
            outputs: c.outputs ?? [],
            execution_count: c.count === undefined ? 1 : c.count,
          }
        : base;
    }),
  };
}

/** A fresh temporary folder under the OS temp dir. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `itolab-notes-${prefix}-`));
}

/** Write cells as `<dir>/<stem>.ipynb` and return the path. */
export function writeNotebook(dir: string, stem: string, cells: CellSpec[] | string): string {
  const file = path.join(dir, `${stem}.ipynb`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    file,
    typeof cells === "string" ? cells : JSON.stringify(notebook(cells), null, 1),
  );
  return file;
}

/** Write and read an executed notebook as a Lecture (messages name it `<stem>.ipynb`). */
export function lecture(stem: string, cells: CellSpec[], dir = tempDir("lecture")): Lecture {
  return readLecture(writeNotebook(dir, stem, cells), `${stem}.ipynb`);
}

/** A small plotly payload. */
export const payload = (title = "A figure", traces = 1) => ({
  data: Array.from({ length: traces }, (_, i) => ({
    type: "scatter",
    mode: "lines",
    x: [0, 1, 2],
    y: [i, i + 1, i],
  })),
  layout: { title: { text: title }, height: 300 },
  config: { responsive: true },
});
