/**
 * A live figure in a lecture page (issue 24): the element `data-live="<id>"` holding the labelled
 * controls (set to the notebook's own run), a one-line note (what to try, the setting that makes
 * the method fail), the notebook's figure unchanged and the notebook's check lines of that
 * figure (`.check` items), so the page reads the same without scripts and in print; the runtime
 * (./browser/runtime.ts) replaces figure and lines when a control changes.
 */
import { notesError } from "../errors";
import { FigureRef } from "../figure-spec";
import { escapeHtml } from "../html";
import { Lecture, streamText } from "../lecture";
import { evidenceItem } from "../outputs";
import { LiveControl, LiveFigureSpec } from "./spec";

function controlHtml(id: string, c: LiveControl): string {
  const name = escapeHtml(c.name);
  const field = `live-${escapeHtml(id)}-${name}`;
  const input =
    c.kind === "select"
      ? `<select id="${field}" name="${name}">` +
        c.options
          .map(
            (o) =>
              `<option value="${escapeHtml(o.value)}"${o.value === c.value ? " selected" : ""}>${escapeHtml(o.label)}</option>`,
          )
          .join("") +
        `</select>`
      : `<input id="${field}" name="${name}" type="number" min="${c.min}" max="${c.max}" step="${c.step}" value="${escapeHtml(c.value)}">`;
  return `<label for="${field}">${escapeHtml(c.label)}</label> ${input}`;
}

/** The notebook's check lines of a live figure, in notebook order; an error when there are none. */
export function notebookChecks(lecture: Lecture, spec: LiveFigureSpec): string[] {
  const lines: string[] = [];
  for (const cell of lecture.cells) {
    if (cell.type !== "code") continue;
    for (const out of cell.outputs) {
      if (out.output_type !== "stream" || out.name !== "stdout") continue;
      for (const line of streamText(out).split("\n")) if (spec.checks.test(line)) lines.push(line);
    }
  }
  if (lines.length === 0) {
    throw notesError(lecture.file, `live figure ${spec.id}: no check line matches ${spec.checks}`);
  }
  return lines;
}

/**
 * The live element around a figure's HTML.
 * @param spec the live figure
 * @param figure the notebook's figure, as figureHtml renders it
 * @param checks the notebook's check lines (notebookChecks)
 */
export function liveFigureHtml(spec: LiveFigureSpec, figure: string, checks: string[]): string {
  const id = escapeHtml(spec.id);
  return (
    `<div class="live" data-live="${id}" data-state="notebook">\n` +
    `<form class="live-controls" aria-label="Settings of the live figure">\n` +
    spec.controls
      .map((c) => `<span class="live-control">${controlHtml(spec.id, c)}</span>`)
      .join("\n") +
    `\n<output class="live-status" aria-live="polite">the notebook's run</output>\n` +
    `<progress class="live-progress" max="1" value="0" hidden></progress>\n</form>\n` +
    `<p class="live-note">${escapeHtml(spec.note)}</p>\n` +
    figure +
    `<ul class="evidence live-checks">${checks.map(evidenceItem).join("")}</ul>\n` +
    `</div>\n`
  );
}

/**
 * The live figures of one lecture by figure name, checked against it: each must name a figure
 * the page shows.
 */
export function lectureLiveFigures(
  lecture: Lecture,
  specs: readonly LiveFigureSpec[],
  shown: readonly FigureRef[],
): Map<string, { spec: LiveFigureSpec; checks: string[] }> {
  const out = new Map<string, { spec: LiveFigureSpec; checks: string[] }>();
  for (const spec of specs.filter((s) => s.stem === lecture.stem)) {
    if (!shown.some((f) => f.name === spec.figure)) {
      throw notesError(
        lecture.file,
        `live figure ${spec.id}: the page shows no figure ${spec.figure} (figures: ${shown.map((f) => f.name).join(", ")})`,
      );
    }
    out.set(spec.figure, { spec, checks: notebookChecks(lecture, spec) });
  }
  return out;
}
