/**
 * The outcome-to-report mapping of an executed cell, fed with what the kernel could have answered.
 * The texts are those of the README's failure report format and of the fixture tests.
 */
import type { Directives } from "../../../kernel/runner/directives";
import type { Output } from "../../../kernel/runner/notebook-file";
import { reportCell } from "../../../kernel/runner/report-cell";
import type { CellOutcome, CellPlan } from "../../../kernel/runner/run-types";
import { code } from "./support";

const LABEL = "notebooks/x.ipynb, cell 5 (id bm-04)";
const SOURCE = "const x = 2;\n\nhalf(x);\nthrow new Error(`x is ${x}, expected 3`);";
const planned = (directives: Directives = {}, source = SOURCE): CellPlan => ({
  index: 4,
  cell: code("bm-04", source),
  directives,
  label: LABEL,
});
const printed: Output[] = [{ output_type: "stream", name: "stdout", text: "x = 2\n" }];
const executed = (outcome: CellOutcome) => ({
  outcome,
  outputs: printed,
  executionCount: 3,
  ms: 12,
});
// What tslab 1.0.22 prints on stderr for a top-level throw (from the failing-cell fixture).
const THROWN = [
  "evalmachine.<anonymous>:6",
  "throw new Error(`x is ${exports.x}, expected 3`);",
  "^",
  "",
  "Error: x is 2, expected 3",
  "    at evalmachine.<anonymous>:6:7",
].join("\n");

describe("reportCell", () => {
  it("ok: passed, outputs kept, 1-based index and the time taken", () => {
    expect(reportCell(planned(), executed({ kind: "ok" }))).toEqual({
      report: { index: 5, id: "bm-04", status: "passed", ms: 12 },
      outputs: printed,
    });
  });
  it("ok but `//| raises` expected an error: failed", () => {
    const r = reportCell(planned({ raises: "RangeError" }), executed({ kind: "ok" }));
    expect(r.report.status).toBe("failed");
    expect(r.failure).toBe(
      `${LABEL}: expected the cell to throw RangeError, but it completed without an error`,
    );
  });
  it("error: failed, an nbformat error output appended, the offending source line quoted", () => {
    const r = reportCell(planned(), executed({ kind: "error", text: THROWN }));
    expect(r.report).toEqual({
      index: 5,
      id: "bm-04",
      status: "failed",
      ms: 12,
      detail: "Error: x is 2, expected 3",
    });
    expect(r.failure).toBe(
      `${LABEL}: Error: x is 2, expected 3\n    > line 4: throw new Error(\`x is \${x}, expected 3\`);`,
    );
    expect(r.outputs).toEqual([
      ...printed,
      expect.objectContaining({
        output_type: "error",
        ename: "Error",
        evalue: "x is 2, expected 3",
      }),
    ]);
  });
  it("error with no line to point at: the report has no source line", () => {
    const r = reportCell(planned({}, "f();"), executed({ kind: "error", text: "Error: x" }));
    expect(r.failure).toBe(`${LABEL}: Error: x`);
  });
  it("error without text: reported as such, never as a pass", () => {
    const r = reportCell(planned({}, "f();"), executed({ kind: "error", text: "" }));
    expect(r.failure).toBe(`${LABEL}: Error: (the kernel reported an error without text)`);
  });
  it("error of the name `//| raises` expects: raised, with the first line of the message", () => {
    const text = "RangeError: expected failure\nsecond line\n    at evalmachine.<anonymous>:1:7";
    const r = reportCell(planned({ raises: "RangeError" }), executed({ kind: "error", text }));
    expect(r).toEqual({
      report: {
        index: 5,
        id: "bm-04",
        status: "raised",
        ms: 12,
        detail: "RangeError: expected failure",
      },
      outputs: [...printed, expect.objectContaining({ ename: "RangeError" })],
    });
  });
  it("error of another name than `//| raises` expects: failed, saying what was expected", () => {
    const r = reportCell(
      planned({ raises: "RangeError" }),
      executed({ kind: "error", text: THROWN }),
    );
    expect(r.report.detail).toBe("expected RangeError, got Error: x is 2, expected 3");
    expect(r.failure).toMatch(
      /^notebooks\/x\.ipynb, cell 5 \(id bm-04\): expected RangeError, got /,
    );
  });
  it("aborted: failed, naming tslab's 200 ms window", () => {
    expect(reportCell(planned(), executed({ kind: "aborted" })).failure).toBe(
      `${LABEL}: the kernel aborted the request (it arrived within tslab's 200 ms window after an error)`,
    );
  });
  it.each([
    [true, `${LABEL}: timed out after 3 s; interrupted, kernel killed`],
    [false, `${LABEL}: timed out after 3 s; did not stop on SIGINT, kernel killed`],
  ])("timeout (stopped on SIGINT: %s): failed, outputs so far kept", (stopped, failure) => {
    const r = reportCell(planned(), executed({ kind: "timeout", seconds: 3, stopped }));
    expect([r.report.status, r.failure, r.outputs]).toEqual(["failed", failure, printed]);
  });
  it("kernel death by a signal: failed, with the kernel's own log indented", () => {
    const outcome: CellOutcome = {
      kind: "died",
      exit: { code: null, signal: "SIGKILL" },
      log: "\nFATAL ERROR: heap\nout of memory\n",
    };
    expect(reportCell(planned(), executed(outcome)).failure).toBe(
      `${LABEL}: the kernel died while running this cell (signal SIGKILL)\n    FATAL ERROR: heap\n    out of memory`,
    );
  });
  it("kernel exit with a code and an empty log: no log block", () => {
    const outcome: CellOutcome = { kind: "died", exit: { code: 3, signal: null }, log: " \n" };
    expect(reportCell(planned(), executed(outcome)).failure).toBe(
      `${LABEL}: the kernel died while running this cell (exit code 3)`,
    );
  });
});
