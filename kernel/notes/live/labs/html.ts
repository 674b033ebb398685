/**
 * A lab's stub cell in a lecture page (issue 24): the cell's code as the notes show every cell
 * (so the page without scripts, and in print, shows the stub as before), inside an element
 * `.lab[data-lab="NN-name"]` that carries what the page script (../browser/labs/runtime.ts) needs
 * to grade it in the browser: the lab, its function, the lecture, the notebook's imports and the
 * time allowed to a run. The buttons, the note and the verdict stay hidden until the script runs.
 */
import ts from "typescript";
import { stubFunctionName } from "../../../runner/lab-solutions";
import { notesError } from "../../errors";
import { escapeHtml } from "../../html";
import type { Lecture, LectureCell } from "../../lecture";
import { lectureImports } from "./compile";

/** A run of the reader's code longer than this is stopped (the worker is terminated). */
export const LAB_TIMEOUT_MS = 5000;

/** What every lab of one page shares. */
export interface LabPage {
  /** the lecture's stem, which names its labs in localStorage */
  stem: string;
  /** the notebook's import declarations, with which each stub compiles */
  imports: string;
  timeoutMs: number;
}

/** The lab stub cells of a lecture (code cells marked `//| lab: NN-name`, not hidden). */
export function lectureLabCells(lecture: Lecture): LectureCell[] {
  return lecture.cells.filter(
    (c) => c.type === "code" && c.directives.lab !== undefined && !c.directives.hide,
  );
}

/** The page context of a lecture's labs. */
export function labPage(lecture: Lecture, timeoutMs = LAB_TIMEOUT_MS): LabPage {
  const sources = lecture.cells.filter((c) => c.type === "code").map((c) => c.source);
  return { stem: lecture.stem, imports: lectureImports(ts, sources), timeoutMs };
}

/**
 * The lab element around a stub cell's code.
 * @param cell the stub cell (directive `lab`)
 * @param code the cell's code as the page renders it (the `<details class="source">`)
 * @param page the lecture's lab context
 */
export function labCellHtml(cell: LectureCell, code: string, page: LabPage): string {
  const lab = cell.directives.lab;
  if (lab === undefined) throw notesError(cell.where, "not a lab stub (no //| lab: directive)");
  let fn: string;
  try {
    fn = stubFunctionName(cell.source);
  } catch (e) {
    throw notesError(cell.where, `lab ${lab}: ${(e as Error).message}`);
  }
  const seconds = page.timeoutMs / 1000;
  const attr = (name: string, value: string) => ` data-${name}="${escapeHtml(value)}"`;
  return (
    `<div class="lab" data-state="stub"${attr("lab", lab)}${attr("fn", fn)}` +
    `${attr("lecture", page.stem)}${attr("imports", page.imports)}` +
    `${attr("timeout-ms", String(page.timeoutMs))}>\n` +
    code +
    `\n<div class="lab-controls" hidden>` +
    `<button type="button" class="lab-check">Check</button> ` +
    `<button type="button" class="lab-reset">Reset to the stub</button> ` +
    `<output class="lab-status" aria-live="polite"></output></div>\n` +
    `<div class="lab-verdict" aria-live="polite" hidden></div>\n` +
    `<p class="lab-note" hidden>Write <code>${escapeHtml(fn)}</code> in the editor and press ` +
    `Check (or Ctrl-Enter): TypeScript compiles it in your browser and the lab's grader ` +
    `(<code>itolab/labs</code>, the same as in Jupyter) runs it on its cases. Nothing is sent ` +
    `anywhere; your code and its verdict are kept in this browser (localStorage). A run longer ` +
    `than ${seconds} s is stopped, as an endless loop.</p>\n` +
    `</div>`
  );
}
