/**
 * Step 5 of a run, once per executed cell: map what happened (the CellOutcome) and the cell's
 * `//| raises` directive to its report, its final outputs (an error becomes an nbformat error
 * output) and, when the cell failed, the failure report
 * `notebooks/NAME.ipynb, cell 5 (id bm-04): Error: <message>` with the offending source line.
 */
import { offendingLine, parseCellError } from "./cell-error";
import { Output } from "./notebook-file";
import { indent } from "./report-text";
import { CellExecution, CellPlan, CellReport } from "./run-types";

export interface ReportedCell {
  report: CellReport;
  /** The outputs the executed notebook records for the cell. */
  outputs: Output[];
  /** Set when the cell failed: the notebook's failure report. */
  failure?: string;
}

/** Report one executed cell. Pure: the kernel is not touched. */
export function reportCell(
  { index, cell, directives, label }: CellPlan,
  { outcome, outputs, ms }: CellExecution,
): ReportedCell {
  const report: CellReport = { index: index + 1, id: cell.id!, status: "passed", ms };
  const failed = (detail: string, more = ""): ReportedCell => {
    report.status = "failed";
    report.detail = detail;
    return { report, outputs, failure: `${label}: ${detail}${more}` };
  };
  switch (outcome.kind) {
    case "timeout":
      return failed(
        `timed out after ${outcome.seconds} s; ${outcome.stopped ? "interrupted" : "did not stop on SIGINT"}, kernel killed`,
      );
    case "died": {
      const exit = outcome.exit?.signal
        ? `signal ${outcome.exit.signal}`
        : `exit code ${outcome.exit?.code}`;
      const log = outcome.log.trim();
      return failed(
        `the kernel died while running this cell (${exit})`,
        log ? "\n" + indent(log) : "",
      );
    }
    case "ok":
      if (!directives.raises) return { report, outputs };
      return failed(
        `expected the cell to throw ${directives.raises}, but it completed without an error`,
      );
    case "aborted":
      return failed(
        "the kernel aborted the request (it arrived within tslab's 200 ms window after an error)",
      );
    case "error":
      return reportError(report, outputs, outcome.text, cell.source, directives.raises, label);
  }
}

/** A cell that threw: raised as its directive expects, or failed with the offending line. */
function reportError(
  report: CellReport,
  outputs: Output[],
  text: string,
  source: string,
  raises: string | undefined,
  label: string,
): ReportedCell {
  const error = parseCellError(text || "(the kernel reported an error without text)");
  const withError = [...outputs, error];
  if (raises && error.ename === raises) {
    report.status = "raised";
    report.detail = `${error.ename}: ${error.evalue.split("\n")[0]}`;
    return { report, outputs: withError };
  }
  const line = offendingLine(text, source);
  const srcLine = line ? `\n    > line ${line}: ${source.split("\n")[line - 1].trim()}` : "";
  report.status = "failed";
  report.detail = `${raises ? `expected ${raises}, got ` : ""}${error.ename}: ${error.evalue}`;
  return { report, outputs: withError, failure: `${label}: ${report.detail}${srcLine}` };
}
