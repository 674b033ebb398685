/**
 * The data of a notebook run: its options, what the steps hand each other (a planned cell, an
 * executed cell's outcome) and what the run reports (one CellReport per code cell, one
 * NotebookResult per notebook).
 */
import { Directives } from "./directives";
import { KernelSpec } from "./kernel-manager";
import { Cell, Output } from "./notebook-file";
import type { LoggedCheck } from "./check-log";

/**
 * Rewrites a code cell's source before it runs (later: lab stubs replaced by reference solutions,
 * the notebook's seed replaced by a calibration seed).
 * @param cell the code cell as read, with its original source
 * @param index the cell's 0-based position in the notebook's cells (markdown cells count)
 * @returns the source to run; its directives are read from it, and the executed copy records it
 */
export type SourceTransform = (cell: Readonly<Cell>, index: number) => string;

export interface RunOptions {
  /** Folder for executed notebooks (default `<repo>/build/notebooks`). */
  outDir?: string;
  /** Replace the source notebook with the executed one, only after a successful run. */
  inplace?: boolean;
  /** Seconds a cell may run before it is interrupted and the kernel killed (default 600). */
  cellTimeout?: number;
  /** Seconds the kernel may take to answer its first request (default 120). */
  startTimeout?: number;
  /** The kernelspec to start (default: the project's `itolab` kernelspec). */
  kernelSpec?: KernelSpec;
  /**
   * Milliseconds to wait after a failed cell before the next request (default 300). tslab aborts
   * requests that arrive within 200 ms of an error; tests set 0 to prove an abort is a failure.
   */
  afterErrorMs?: number;
  /** How reports name the notebook (default: its path relative to the working folder). */
  displayPath?: string;
  /**
   * Applied to every code cell's source before any kernel starts (default: none). A transform
   * that throws fails the notebook at that cell. The executed copy records the transformed
   * source, which is what ran; with `inplace` it therefore replaces the source notebook's.
   */
  transformSource?: SourceTransform;
  /**
   * Folder of the labs' reference solutions (labs/solutions): each `//| lab:` stub is replaced by
   * its solution before the run, and the run fails unless every lab's grader passes. Refused with
   * `inplace`: solutions never reach a source notebook.
   */
  solutions?: string;
  /** Environment variables for the kernel, over the kernelspec's `env` (default: none). */
  env?: Record<string, string>;
  /**
   * Record every check the notebook makes (label, rule, declared false-fail rate, statistic,
   * outcome), attributed to its cell, in `NotebookResult.checks` (default false).
   */
  checkLog?: boolean;
}

export type CellStatus = "passed" | "raised" | "skipped" | "failed" | "not-run";

export interface CellReport {
  /** 1-based position of the cell in the notebook (markdown cells count). */
  index: number;
  id: string;
  status: CellStatus;
  /** Skip reason, expected error name, or failure text. */
  detail?: string;
  ms?: number;
}

export interface NotebookResult {
  file: string;
  displayPath: string;
  passed: boolean;
  /** The formatted failure report, when the notebook failed. */
  failure?: string;
  cells: CellReport[];
  ms: number;
  outputPath?: string;
  kernelPid?: number;
  /** With `checkLog`: every check the run made, in order, with its cell id. */
  checks?: LoggedCheck[];
}

/** What a step returns instead of its value when the notebook fails there. */
export interface StepFailure {
  /** The failure report, e.g. `notebooks/NAME.ipynb, cell 5 (id bm-04): …`. */
  failure: string;
}

/** A code cell ready to run: its directives parsed and its outputs cleared. */
export interface CellPlan {
  /** 0-based position in the notebook's cells (markdown cells count). */
  index: number;
  /** The cell itself; running it fills in its outputs and execution count. */
  cell: Cell;
  directives: Directives;
  /** How reports name the cell: `notebooks/NAME.ipynb, cell 5 (id bm-04)`. */
  label: string;
}

/** How the kernel answered one execute_request, or why it did not. */
export type CellOutcome =
  | { kind: "ok" }
  | { kind: "aborted" }
  /** `text` is tslab's report of the error (from stderr), already removed from the outputs. */
  | { kind: "error"; text: string }
  | { kind: "timeout"; seconds: number; stopped: boolean }
  | {
      kind: "died";
      exit: { code: number | null; signal: NodeJS.Signals | null } | null;
      log: string;
    };

/** One executed code cell: its outcome, its outputs and the time it took. */
export interface CellExecution {
  outcome: CellOutcome;
  outputs: Output[];
  /** The kernel's execution count; null when the kernel never replied. */
  executionCount: number | null;
  ms: number;
}
