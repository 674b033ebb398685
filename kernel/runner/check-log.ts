/**
 * The check log of a run (`RunOptions.checkLog`): the kernel appends one JSON line per check to
 * the file named by `ITOLAB_CHECK_LOG` (kernel/launch.js installs the recorder of
 * `itolab/check`), and after each cell the runner reads the new lines and attributes them to
 * that cell. The records are what the calibration report is compared with.
 */
import fs from "fs";
import os from "os";
import path from "path";

/** One check as a notebook ran it: the fields of `itolab/check`'s record, and its cell. */
export interface LoggedCheck {
  cell: string;
  label: string;
  kind: string;
  spec: string;
  falseFail: number;
  statistic: number | null;
  passed: boolean;
  actual: number | string | boolean | null;
}

export class CheckLog {
  readonly file: string;
  readonly checks: LoggedCheck[] = [];
  private offset = 0;

  constructor() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "itolab-checks-"));
    this.file = path.join(dir, "checks.jsonl");
    fs.writeFileSync(this.file, "");
  }

  /** The kernel's environment entry. */
  env(): Record<string, string> {
    return { ITOLAB_CHECK_LOG: this.file };
  }

  /** Reads the lines appended since the last call and attributes them to `cell`. */
  collect(cell: string): void {
    const text = fs.readFileSync(this.file, "utf8");
    const fresh = text.slice(this.offset);
    const end = fresh.lastIndexOf("\n") + 1; // a line being written is read next time
    this.offset += end;
    for (const line of fresh.slice(0, end).split("\n")) {
      if (line.trim() !== "") this.checks.push({ ...JSON.parse(line), cell });
    }
  }

  dispose(): void {
    fs.rmSync(path.dirname(this.file), { recursive: true, force: true });
  }
}

/** The record kernel/launch.js writes for a check: plain JSON, NaN as null. */
export function logLine(record: {
  label: string;
  kind: string;
  spec: string;
  falseFail: number;
  statistic: number | null;
  passed: boolean;
  actual: unknown;
}): string {
  const actual =
    typeof record.actual === "number" && !Number.isFinite(record.actual) ? null : record.actual;
  return JSON.stringify({
    label: record.label,
    kind: record.kind,
    spec: record.spec,
    falseFail: record.falseFail,
    statistic: record.statistic,
    passed: record.passed,
    actual,
  });
}
