/** The messages between a page's live figures (./runtime.ts) and their Web Worker (./worker.ts). */
import type { LiveParams, LivePlot } from "../spec";

/** Page → worker: compute figure `id` for `params`; `run` numbers the request. */
export interface LiveRequest {
  id: string;
  run: number;
  params: LiveParams;
}

/** One re-evaluated check: its ✓/✗ line and whether it held. */
export interface LiveCheck {
  passed: boolean;
  message: string;
}

/**
 * Worker → page: progress of a long computation (`fraction` ∈ [0, 1], what is being done, maybe
 * a figure to show meanwhile); then the figure and the checks, or the error that stopped it.
 */
export type LiveReply =
  | { run: number; id: string; kind: "progress"; fraction: number; text: string; plot?: LivePlot }
  | {
      run: number;
      id: string;
      kind: "done";
      ok: true;
      plot: LivePlot;
      checks: LiveCheck[];
      ms: number;
    }
  | { run: number; id: string; kind: "done"; ok: false; error: string; ms: number };
