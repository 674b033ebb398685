/**
 * The labs' Web Worker (issue 24): TypeScript's compiler, itolab and its graders in one IIFE,
 * bundled by kernel/notes/live/labs/bundle.ts and shipped as a string in its own asset
 * (`assets/lab-worker-<hash>.js`), which the page loads only when the reader first edits or
 * checks a lab, then starts from a Blob URL. Each request compiles the reader's code with
 * `transpileModule` (as `npm run labs` does), loads it with a `require` that knows only itolab,
 * and grades it with the lab's grader (`evaluateLab` of itolab/labs, the same as in Jupyter).
 * An endless loop never returns: the page terminates this worker.
 */
import ts from "typescript";
// the virtual module of kernel/notes/live/labs/bundle.ts: itolab and each subpath, by specifier
import { modules } from "itolab-lab-modules";
import { evaluateLab, findLab } from "../../../../../src/labs";
import { compileLab, labRequire, loadLab, verdictOfReport } from "../../labs/compile";
import type { LabReply, LabRequest } from "./messages";

interface WorkerScope {
  onmessage: ((e: { data: LabRequest }) => void) | null;
  postMessage(message: LabReply): void;
}
const scope = self as unknown as WorkerScope;
const require = labRequire(modules);
// what the reader's code prints goes nowhere (the verdict is the answer)
console.log = () => undefined;

scope.onmessage = (e) => {
  const { run, lab, fn, imports, code } = e.data;
  const t0 = performance.now();
  const done = (m: LabReply) => scope.postMessage(m);
  try {
    const compiled = compileLab(ts, imports, code, fn);
    if (!compiled.ok) {
      done({ run, kind: "verdict", verdict: compiled.verdict, ms: performance.now() - t0 });
      return;
    }
    const loaded = loadLab(compiled.js, fn, require);
    if (!loaded.ok) {
      done({ run, kind: "verdict", verdict: loaded.verdict, ms: performance.now() - t0 });
      return;
    }
    scope.postMessage({ run, kind: "compiled", compileMs: performance.now() - t0 });
    const report = evaluateLab(findLab(lab), loaded.fn);
    done({ run, kind: "verdict", verdict: verdictOfReport(report), ms: performance.now() - t0 });
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    done({
      run,
      kind: "verdict",
      verdict: {
        state: "error",
        head: `✗ the grader stopped: ${message}`,
        details: [],
        hint: null,
      },
      ms: performance.now() - t0,
    });
  }
};
