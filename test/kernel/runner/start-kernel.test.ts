/**
 * The kernel-start step without tslab: a stand-in "kernel" that prints its environment and exits
 * proves that environment overrides reach the kernel process (the seam for running a notebook
 * with an environment override), from KernelProcess.start up to runNotebook's options.
 */
import path from "path";
import type { KernelSpec } from "../../../kernel/runner/kernel-manager";
import { runNotebook } from "../../../kernel/runner/run-notebook";
import { kernelMetadata, startKernel, waitKernelReady } from "../../../kernel/runner/start-kernel";
import { fixture, isAlive } from "./support";

/** A kernelspec whose process prints ITOLAB_A and ITOLAB_B and exits without answering. */
const printEnv = (env?: Record<string, string>): KernelSpec => ({
  argv: [
    process.execPath,
    "-e",
    "console.log(`A=${process.env.ITOLAB_A} B=${process.env.ITOLAB_B}`); setTimeout(() => {}, 100)",
    "{connection_file}",
  ],
  display_name: "print env",
  language: "none",
  env,
});

describe("kernelMetadata", () => {
  it("records the kernelspec under the project's name and the kernel's language_info", () => {
    const spec: KernelSpec = { argv: [], display_name: "TypeScript (itolab)", language: "ts" };
    const info = { language_info: { name: "typescript", version: "5" } };
    expect(kernelMetadata({ title: "T", kernelspec: { name: "old" } }, spec, info)).toEqual({
      title: "T",
      kernelspec: { name: "itolab", display_name: "TypeScript (itolab)", language: "ts" },
      language_info: { name: "typescript", version: "5" },
    });
  });
});

describe("startKernel with an environment override", () => {
  it("sets the override over the spec's env; a kernel that exits is a failure with its log", async () => {
    const running = await startKernel(printEnv({ ITOLAB_A: "spec", ITOLAB_B: "spec" }), __dirname, {
      ITOLAB_B: "override",
    });
    try {
      expect(await waitKernelReady(running, 10_000, "x.ipynb")).toEqual({
        failure:
          "x.ipynb: kernel did not start: the kernel exited while starting\n    A=spec B=override",
      });
    } finally {
      await running.stop();
    }
    expect(isAlive(running.kernel.pid)).toBe(false);
  });
  it("runNotebook passes RunOptions.env to the kernel, and stops the kernel", async () => {
    const r = await runNotebook(fixture("passing"), {
      kernelSpec: printEnv(),
      env: { ITOLAB_A: "from-run-options" },
      startTimeout: 10,
      displayPath: "passing.ipynb",
    });
    expect(r.failure).toBe(
      "passing.ipynb: kernel did not start: the kernel exited while starting\n    A=from-run-options B=undefined",
    );
    expect([r.passed, r.outputPath, isAlive(r.kernelPid!)]).toEqual([false, undefined, false]);
  });
});

describe("runNotebook with a source transform", () => {
  it("passes RunOptions.transformSource to the plan: a throwing transform fails before any kernel", async () => {
    const seen: number[] = [];
    const r = await runNotebook(fixture("passing"), {
      displayPath: path.join("fixtures", "passing.ipynb"),
      transformSource: (cell, index) => {
        seen.push(index);
        if (index === 2) throw new Error("no reference solution");
        return cell.source;
      },
    });
    expect(seen).toEqual([1, 2]);
    expect(r.failure).toBe("fixtures/passing.ipynb, cell 3 (id passin-2): no reference solution");
    expect(r.kernelPid).toBeUndefined();
  });
});
