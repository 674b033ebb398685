/**
 * An executed notebook as the notes see it: its cells with their directives parsed (directive
 * lines removed from the code shown), and the state of its checks. Reading fails, naming the file
 * and cell, when the notebook did not pass: a code cell that was not run, an error that no
 * `//| raises` directive expected, or an expected error that did not come. The notes publish only
 * notebooks whose every check held.
 */
import path from "path";
import { DirectiveError, Directives, parseDirectives } from "../runner/directives";
import { Output, readNotebook } from "../runner/notebook-file";
import { cellWhere, notesError } from "./errors";
import { stripAnsi } from "./html";

export interface LectureCell {
  /** 1-based position in the notebook, markdown cells counted (as Jupyter shows them). */
  index: number;
  id: string;
  type: "markdown" | "code" | "raw";
  /** The source as stored (directive lines included), to compare with the source notebook. */
  raw: string;
  /** What the notes show: for code cells, the source without its directive lines. */
  source: string;
  directives: Directives;
  outputs: Output[];
  /** `file, cell N (id …)`, for messages. */
  where: string;
}

/** What the checks of a notebook showed. */
export interface CheckSummary {
  /** Evidence lines (`✓ …`) printed by passing checks. */
  checks: number;
  /** Cells that raised the error their `//| raises` directive expects. */
  raised: number;
  /** Cells not run, with the reason of their `//| skip` directive. */
  skipped: { index: number; id: string; reason: string }[];
}

export interface Lecture {
  /** The executed notebook, as messages name it. */
  file: string;
  /** File name without `.ipynb`: the page's and the figure folder's name. */
  stem: string;
  cells: LectureCell[];
  summary: CheckSummary;
}

/** The text of a stream output (a string, or nbformat's list of lines). */
export function streamText(out: Output): string {
  const t = out.text;
  return Array.isArray(t) ? t.join("") : typeof t === "string" ? t : "";
}

/** Evidence lines of passing checks in a cell's stdout. */
function countEvidence(outputs: Output[]): number {
  return outputs
    .filter((o) => o.output_type === "stream" && o.name === "stdout")
    .reduce(
      (n, o) =>
        n +
        streamText(o)
          .split("\n")
          .filter((l) => l.startsWith("✓ ")).length,
      0,
    );
}

/**
 * Read an executed notebook.
 * @param file the executed notebook (build/notebooks/NAME.ipynb)
 * @param displayPath how messages name it (default: `file` relative to the working folder)
 */
export function readLecture(file: string, displayPath?: string): Lecture {
  const shown = displayPath ?? path.relative(process.cwd(), file);
  const nb = readNotebook(file);
  const summary: CheckSummary = { checks: 0, raised: 0, skipped: [] };
  const cells = nb.cells.map((c, i): LectureCell => {
    const where = cellWhere(shown, i + 1, c.id);
    const cell: LectureCell = {
      index: i + 1,
      id: c.id ?? String(i + 1),
      type: c.cell_type,
      raw: c.source,
      source: c.source,
      directives: {},
      outputs: c.outputs ?? [],
      where,
    };
    if (c.cell_type !== "code") return cell;
    try {
      const { directives, lines } = parseDirectives(c.source);
      cell.directives = directives;
      cell.source = c.source
        .split("\n")
        .slice(lines)
        .join("\n")
        .replace(/^\n+|\s+$/g, "");
    } catch (err) {
      if (err instanceof DirectiveError) throw notesError(where, err.message, err);
      throw err;
    }
    checkExecuted(cell, c.execution_count ?? null, summary);
    summary.checks += countEvidence(cell.outputs);
    return cell;
  });
  return { file: shown, stem: path.basename(file).replace(/\.ipynb$/, ""), cells, summary };
}

/** Throws unless the code cell ran as its directives ask; counts skips and expected errors. */
function checkExecuted(cell: LectureCell, count: number | null, summary: CheckSummary): void {
  const { skip, raises } = cell.directives;
  if (skip !== undefined) {
    summary.skipped.push({ index: cell.index, id: cell.id, reason: skip });
    return;
  }
  if (count === null) {
    throw notesError(cell.where, "was not executed; run `npm run notes` to execute the notebooks");
  }
  const error = cell.outputs.find((o) => o.output_type === "error");
  if (raises !== undefined) {
    if (!error || error.ename !== raises) {
      throw notesError(
        cell.where,
        `should raise ${raises} (//| raises) but ${error ? `raised ${String(error.ename)}` : "raised nothing"}`,
      );
    }
    summary.raised += 1;
  } else if (error) {
    const message = stripAnsi(`${String(error.ename)}: ${String(error.evalue)}`);
    throw notesError(cell.where, `failed, so the notes are not published: ${message}`);
  }
}

/**
 * Throws unless the executed notebook has the cells of its source notebook, so the notes never
 * publish outputs of an older version of the source.
 * @param lecture the executed notebook
 * @param sourceFile the notebook under notebooks/
 * @param displayPath how messages name it (default `sourceFile`)
 */
export function assertSameSource(lecture: Lecture, sourceFile: string, displayPath?: string): void {
  const source = readNotebook(sourceFile);
  const stale = (why: string) =>
    notesError(
      lecture.file,
      `is out of date with ${displayPath ?? sourceFile} (${why}); run \`npm run notes\` to execute it again`,
    );
  if (source.cells.length !== lecture.cells.length) {
    throw stale(`${source.cells.length} cells, executed copy has ${lecture.cells.length}`);
  }
  source.cells.forEach((c, i) => {
    if (c.source !== lecture.cells[i].raw) throw stale(`cell ${i + 1} differs`);
  });
}
