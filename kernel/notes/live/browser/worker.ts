/**
 * The live figures' Web Worker: bundled by kernel/notes/live/bundle.ts (esbuild, browser, IIFE)
 * with the browser build of itolab from src/ and every figure's `compute`, and started by the
 * page from a Blob URL (Chromium refuses `new Worker(file:…)` on file:// pages). Each request runs
 * one computation with the checks in "record" mode: a failing check becomes a ✗ line with its
 * numbers and reason instead of an exception; any other error is reported as such. A long
 * computation reports its progress (and maybe an interim figure) through the `progress` argument;
 * those messages precede the final one.
 */
import { CheckRecord, setCheckMode, setCheckRecorder } from "../../../../src/check";
import { liveFigures } from "../figures";
import type { LiveProgress } from "../spec";
import type { LiveReply, LiveRequest } from "./messages";

interface WorkerScope {
  onmessage: ((e: { data: LiveRequest }) => void) | null;
  postMessage(message: LiveReply): void;
}
const scope = self as unknown as WorkerScope;
const byId = new Map(liveFigures.map((f) => [f.id, f]));
// the evidence goes to the page through the replies, not to the console
console.log = () => undefined;
setCheckMode("record");

scope.onmessage = (e) => {
  const { id, run, params } = e.data;
  const t0 = performance.now();
  const records: CheckRecord[] = [];
  setCheckRecorder((r) => records.push(r));
  let last = -Infinity;
  const progress: LiveProgress = (fraction, text, plot) => {
    const now = performance.now();
    if (plot === undefined && now - last < 50) return; // the page needs no more than 20 a second
    last = now;
    const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
    scope.postMessage({ run, id, kind: "progress", fraction: f, text, ...(plot ? { plot } : {}) });
  };
  try {
    const spec = byId.get(id);
    if (!spec) throw new Error(`no live figure ${id}`);
    const plot = spec.compute(params, progress);
    const checks = records.map((r) => ({ passed: r.passed, message: r.message }));
    scope.postMessage({
      run,
      id,
      kind: "done",
      ok: true,
      plot,
      checks,
      ms: performance.now() - t0,
    });
  } catch (err) {
    const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    scope.postMessage({ run, id, kind: "done", ok: false, error, ms: performance.now() - t0 });
  } finally {
    setCheckRecorder(null);
  }
};
