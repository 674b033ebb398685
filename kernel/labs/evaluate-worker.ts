/**
 * The worker thread of `npm run labs`: compiles a notebook's lab stubs, grades each with its
 * lab's grader (`evaluateLab` of itolab/labs) and the recorded mutants, and posts the rows. A
 * worker, so that a student's endless loop is stopped by the parent's timeout.
 */
import { createRequire } from "module";
import path from "path";
import { parentPort, workerData } from "worker_threads";
import { compileStub, labStubs } from "./stubs";
import type { LabRow, WorkerInput } from "./table";

type LabsModule = typeof import("../../src/labs");

function main(input: WorkerInput): LabRow[] {
  const requireHere = createRequire(path.join(input.root, "notebooks", "labs.js"));
  const labs = requireHere("itolab/labs") as LabsModule;
  const { imports, stubs } = labStubs(input.notebook);
  const lecture = path.basename(input.notebook).slice(0, 2);
  let mutants: { lab: string; mistake: string; fn: (...a: never[]) => unknown }[] = [];
  try {
    mutants = requireHere(
      path.join(input.root, "dist", "labs", "mutants", `${lecture}.js`),
    ).mutants;
  } catch {
    mutants = [];
  }
  return stubs.map((stub) => {
    const lab = labs.findLab(stub.lab);
    const row: LabRow = {
      lecture,
      lab: stub.lab,
      fn: stub.fn,
      state: "failed",
      mutants: 0,
      detail: "",
    };
    try {
      const module = { exports: {} as unknown };
      const js = compileStub(imports, stub);
      new Function("require", "module", "exports", js)(requireHere, module, module.exports);
      const report = labs.evaluateLab(lab, module.exports as (...a: never[]) => unknown);
      row.state = report.state;
      row.detail = report.message;
    } catch (e) {
      row.detail = `the cell does not run on its own: ${(e as Error).message}`;
    }
    row.mutants = mutants.filter((m) => {
      if (m.lab !== stub.lab) return false;
      const r = labs.evaluateLab(lab, m.fn);
      return r.state === "failed" && r.mistake === m.mistake;
    }).length;
    return row;
  });
}

parentPort?.postMessage(main(workerData as WorkerInput));
