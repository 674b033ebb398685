/** The messages between a page's labs (./runtime.ts) and their Web Worker (./worker.ts). */
import type { LabVerdict } from "../../labs/compile";

/** Page → worker: grade `code` for lab `lab` (function `fn`); `run` numbers the request. */
export interface LabRequest {
  run: number;
  lab: string;
  fn: string;
  /** the notebook's import declarations */
  imports: string;
  /** the editor's text */
  code: string;
}

/**
 * Worker → page: "compiled" when the code compiled and the grader starts (the page's clock for
 * an endless loop starts then, not while the compiler loads), then "verdict".
 */
export type LabReply =
  | { run: number; kind: "compiled"; compileMs: number }
  | { run: number; kind: "verdict"; verdict: LabVerdict; ms: number };
