/**
 * Step 3 of a run: start the notebook's kernel, wait until it answers (shell and iopub), and
 * record which kernel executed the notebook in its metadata.
 */
import path from "path";
import { KernelClient } from "./client";
import { KernelProcess, KernelSpec } from "./kernel-manager";
import { Notebook } from "./notebook-file";
import { repoRoot } from "./paths";
import { indent } from "./report-text";
import { StepFailure } from "./run-types";

/** A started kernel with its client; whoever starts it must `stop()` it. */
export interface RunningKernel {
  kernel: KernelProcess;
  client: KernelClient;
  /** Stop the client and shut the kernel down; resolves once the process has exited. */
  stop(): Promise<void>;
}

/** The project's `itolab` kernelspec, written first if missing. */
export function projectKernelSpec(): KernelSpec {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { installKernelSpec } = require(
    path.join(repoRoot(), "kernel", "bin", "install-kernelspec.js"),
  );
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(installKernelSpec(), "kernel.json"));
}

/**
 * Start a kernel and connect a client to it. Throws only when the process cannot be spawned.
 * @param spec the kernelspec to start
 * @param cwd the kernel's working folder (the notebook's folder)
 * @param env variables for the kernel, over the spec's `env`
 */
export async function startKernel(
  spec: KernelSpec,
  cwd: string,
  env?: Record<string, string>,
): Promise<RunningKernel> {
  const kernel = await KernelProcess.start(spec, cwd, env);
  const client = new KernelClient(kernel);
  return {
    kernel,
    client,
    stop: async () => {
      client.stop();
      await kernel.shutdown();
    },
  };
}

/**
 * Wait for the kernel's first kernel_info_reply. A kernel that exits or stays silent is a failure
 * carrying what the kernel printed.
 * @param timeoutMs how long the kernel may take to answer
 * @param displayPath how reports name the notebook
 */
export async function waitKernelReady(
  { kernel, client }: RunningKernel,
  timeoutMs: number,
  displayPath: string,
): Promise<{ kernelInfo: Record<string, unknown> } | StepFailure> {
  try {
    return { kernelInfo: await client.waitReady(timeoutMs) };
  } catch (err) {
    return {
      failure: `${displayPath}: kernel did not start: ${(err as Error).message}\n${indent(kernel.log.trim())}`,
    };
  }
}

/**
 * The notebook metadata after a run: the kernelspec (under the project's name `itolab`) and the
 * kernel's language_info, over whatever the notebook carried.
 */
export function kernelMetadata(
  metadata: Notebook["metadata"],
  spec: KernelSpec,
  kernelInfo: Record<string, unknown>,
): Notebook["metadata"] {
  return {
    ...metadata,
    kernelspec: { name: "itolab", display_name: spec.display_name, language: spec.language },
    language_info: kernelInfo.language_info,
  };
}
