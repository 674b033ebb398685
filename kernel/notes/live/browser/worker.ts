/**
 * The live figures' Web Worker: bundled by kernel/notes/live/bundle.ts (esbuild, browser, IIFE)
 * with the browser build of itolab from src/ and every figure's `compute`, and started by the
 * page from a Blob URL (Chromium refuses `new Worker(file:…)` on file:// pages). Each request runs
 * one computation with the checks in "record" mode: a failing check becomes a ✗ line with its
 * numbers and reason instead of an exception; any other error is reported as such.
 */
import { CheckRecord, setCheckMode, setCheckRecorder } from "../../../../src/check";
import { liveFigures } from "../figures";
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
  try {
    const spec = byId.get(id);
    if (!spec) throw new Error(`no live figure ${id}`);
    const plot = spec.compute(params);
    const checks = records.map((r) => ({ passed: r.passed, message: r.message }));
    scope.postMessage({ run, id, ok: true, plot, checks, ms: performance.now() - t0 });
  } catch (err) {
    const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    scope.postMessage({ run, id, ok: false, error, ms: performance.now() - t0 });
  } finally {
    setCheckRecorder(null);
  }
};
