/**
 * The committed calibration report (`figures/calibration.json`, written by
 * `npm run calibrate -- --commit`, format CalibrationReport of kernel/calibrate/cli.ts) as the
 * notes read it: the file checked field by field (a malformed report stops the export, naming the
 * file and the field; a missing one is no error), its checks grouped by notebook, and the counts
 * the page summarises.
 */
import fs from "fs";
import type { CalibrationReport } from "../calibrate/cli";
import type { CalibrationEntry } from "../calibrate/aggregate";
import { NotesError } from "./errors";

export type { CalibrationEntry, CalibrationReport };

/** Where the calibration tool commits its report, relative to the repository. */
export const CALIBRATION_FILE = "figures/calibration.json";

type Shape = "number" | "string" | "array" | "string|null";

function expectFields(where: string, value: unknown, fields: Record<string, Shape>): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new NotesError(`${where} must be an object`);
  }
  const o = value as Record<string, unknown>;
  for (const [key, shape] of Object.entries(fields)) {
    const v = o[key];
    const ok =
      shape === "array"
        ? Array.isArray(v)
        : shape === "string|null"
          ? v === null || typeof v === "string"
          : typeof v === shape && (shape !== "number" || Number.isFinite(v));
    if (!ok) throw new NotesError(`${where}.${key} must be ${shape}, got ${JSON.stringify(v)}`);
  }
}

/**
 * A report parsed from its JSON text, with the fields the page shows checked.
 * @param text the file's content
 * @param file its path, for messages
 */
export function parseCalibrationReport(text: string, file: string): CalibrationReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new NotesError(`${file}: not JSON: ${(err as Error).message}`);
  }
  expectFields(file, data, {
    seeds: "number",
    level: "number",
    notebooks: "array",
    checks: "array",
  });
  const report = data as CalibrationReport;
  report.notebooks.forEach((n, i) => {
    const where = `${file}: notebooks[${i}]`;
    expectFields(where, n, {
      stem: "string",
      seed: "number",
      seeds: "number",
      seconds: "number",
      crashes: "array",
    });
    n.crashes.forEach((c, j) =>
      expectFields(`${where}.crashes[${j}]`, c, {
        seed: "number",
        cell: "string",
        message: "string",
      }),
    );
  });
  report.checks.forEach((c, i) => {
    const where = `${file}: checks[${i}]`;
    expectFields(where, c, {
      id: "string",
      kind: "string",
      spec: "string|null",
      declared: "number",
      failures: "number",
      seeds: "number",
      statistic: "array",
      tail: "number",
      verdict: "string",
    });
    if (c.id.split("/").length < 3) {
      throw new NotesError(`${where}.id must be notebook/cell/label, got ${JSON.stringify(c.id)}`);
    }
    if (!c.statistic.every((s) => typeof s === "number" && Number.isFinite(s))) {
      throw new NotesError(`${where}.statistic must hold finite numbers`);
    }
  });
  return report;
}

/**
 * The committed report, or null when there is none.
 * @param file its path on disk
 * @param shown its path as messages name it
 */
export function readCalibrationReport(file: string, shown = file): CalibrationReport | null {
  if (!fs.existsSync(file)) return null;
  return parseCalibrationReport(fs.readFileSync(file, "utf8"), shown);
}

/** A check id `notebook/cell/label` in its parts (a label may itself hold `/`). */
export function splitCheckId(id: string): { stem: string; cell: string; label: string } {
  const [stem, cell, ...label] = id.split("/");
  return { stem, cell, label: label.join("/") };
}

/** The counts a summary line states. */
export interface CalibrationCounts {
  checks: number;
  /** checks that declare a nonzero false-fail rate */
  stochastic: number;
  /** failures observed over every seed */
  failures: number;
  /** Σ declared·N: the failures a calibrated course expects */
  expected: number;
  /** checks whose verdict is not "ok" */
  miscalibrated: number;
}

export function countChecks(checks: CalibrationEntry[]): CalibrationCounts {
  return {
    checks: checks.length,
    stochastic: checks.filter((c) => c.declared > 0).length,
    failures: checks.reduce((n, c) => n + c.failures, 0),
    expected: checks.reduce((n, c) => n + c.declared * c.seeds, 0),
    miscalibrated: checks.filter((c) => c.verdict !== "ok").length,
  };
}

/** A notebook of the report with its checks, in the report's order. */
export interface NotebookChecks {
  stem: string;
  /** the report's line for it (null when only its checks are listed) */
  run: CalibrationReport["notebooks"][number] | null;
  checks: CalibrationEntry[];
}

/** The report's checks grouped by notebook: the report's notebooks first, then any other stem. */
export function checksByNotebook(report: CalibrationReport): NotebookChecks[] {
  const groups = new Map<string, NotebookChecks>();
  for (const run of report.notebooks) groups.set(run.stem, { stem: run.stem, run, checks: [] });
  for (const c of report.checks) {
    const { stem } = splitCheckId(c.id);
    if (!groups.has(stem)) groups.set(stem, { stem, run: null, checks: [] });
    groups.get(stem)!.checks.push(c);
  }
  return [...groups.values()];
}
