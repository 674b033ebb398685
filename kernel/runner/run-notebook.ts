/**
 * Executes one notebook through a real kernel, cell by cell, as JupyterLab would: one
 * execute_request per code cell, outputs recorded from iopub, a per-cell timeout (SIGINT, then
 * kill), the first failing cell stops the run and is reported as
 * `notebooks/NAME.ipynb, cell N (id …): <error>` with the offending source line. The executed
 * notebook goes to a build folder; the source is replaced only with `inplace` and only after a
 * successful run, by an atomic rename.
 */
import path from "path";
import { parseCellError, offendingLine, ErrorOutput } from "./cell-error";
import { KernelClient } from "./client";
import { Directives, DirectiveError, parseDirectives } from "./directives";
import { delay, KernelProcess, KernelSpec, within } from "./kernel-manager";
import {
  Notebook,
  NotebookFileError,
  Output,
  readNotebook,
  validateNotebook,
  writeNotebook,
} from "./notebook-file";
import { OutputCollector } from "./outputs";
import { repoRoot } from "./paths";

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
}

/** After SIGINT, how long a timed-out cell may take to stop before the kernel is killed. */
const INTERRUPT_GRACE_MS = 5000;
/** Wait this long after an error before the next request: tslab aborts requests within 200 ms. */
const AFTER_ERROR_MS = 300;

function projectKernelSpec(): KernelSpec {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { installKernelSpec } = require(
    path.join(repoRoot(), "kernel", "bin", "install-kernelspec.js"),
  );
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(installKernelSpec(), "kernel.json"));
}

function indent(text: string, prefix = "    "): string {
  return text
    .split("\n")
    .map((l) => prefix + l)
    .join("\n");
}

/** Run one notebook. Never throws for notebook problems: they are reported in the result. */
export async function runNotebook(file: string, options: RunOptions = {}): Promise<NotebookResult> {
  const started = Date.now();
  const displayPath = options.displayPath ?? path.relative(process.cwd(), file) ?? file;
  const result: NotebookResult = { file, displayPath, passed: false, cells: [], ms: 0 };
  const fail = (text: string) => {
    result.failure = text;
    result.ms = Date.now() - started;
    return result;
  };

  let nb: Notebook;
  try {
    nb = readNotebook(file);
  } catch (err) {
    if (err instanceof NotebookFileError) return fail(err.message.replace(file, displayPath));
    throw err;
  }
  const where = (i: number) => `${displayPath}, cell ${i + 1} (id ${nb.cells[i].id})`;

  // Directives are checked for every cell before any kernel starts: a typo fails fast.
  const directives: Directives[] = [];
  for (const [i, cell] of nb.cells.entries()) {
    try {
      directives.push(cell.cell_type === "code" ? parseDirectives(cell.source).directives : {});
    } catch (err) {
      if (err instanceof DirectiveError) return fail(`${where(i)}: ${err.message}`);
      throw err;
    }
  }
  for (const cell of nb.cells) {
    if (cell.cell_type === "code") {
      cell.outputs = [];
      cell.execution_count = null;
    }
  }

  const spec = options.kernelSpec ?? projectKernelSpec();
  const cellTimeout = options.cellTimeout ?? 600;
  const kernel = await KernelProcess.start(spec, path.dirname(path.resolve(file)));
  result.kernelPid = kernel.pid;
  const client = new KernelClient(kernel);
  const displays = new Map<string, Output[]>();
  try {
    let kernelInfo: Record<string, unknown>;
    try {
      kernelInfo = await client.waitReady((options.startTimeout ?? 120) * 1000);
    } catch (err) {
      return fail(
        `${displayPath}: kernel did not start: ${(err as Error).message}\n${indent(kernel.log.trim())}`,
      );
    }
    nb.metadata = {
      ...nb.metadata,
      kernelspec: { name: "itolab", display_name: spec.display_name, language: spec.language },
      language_info: kernelInfo.language_info,
    };

    let afterError = false;
    for (const [i, cell] of nb.cells.entries()) {
      if (cell.cell_type !== "code") continue;
      const d = directives[i];
      const report: CellReport = { index: i + 1, id: cell.id!, status: "passed" };
      result.cells.push(report);
      if (result.failure) {
        report.status = "not-run";
        continue;
      }
      if (d.skip !== undefined) {
        report.status = "skipped";
        report.detail = d.skip;
        continue;
      }
      if (afterError) await delay(options.afterErrorMs ?? AFTER_ERROR_MS);
      afterError = false;
      const t0 = Date.now();
      const collector = new OutputCollector(displays);
      const req = client.request(
        "execute_request",
        {
          code: cell.source,
          silent: false,
          store_history: true,
          user_expressions: {},
          allow_stdin: false,
          stop_on_error: true,
        },
        (msg) => collector.handle(msg),
      );
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        req.done.then((reply) => ({ kind: "reply" as const, reply })),
        kernel.waitExit().then(() => ({ kind: "died" as const })),
        new Promise<{ kind: "timeout" }>((resolve) => {
          timer = setTimeout(() => resolve({ kind: "timeout" }), cellTimeout * 1000);
        }),
      ]);
      clearTimeout(timer);
      report.ms = Date.now() - t0;
      cell.outputs = collector.outputs;

      if (outcome.kind === "timeout") {
        kernel.interrupt();
        const stopped = await within(
          req.done.then(() => true),
          INTERRUPT_GRACE_MS,
          false,
        );
        client.abandon(req.msgId);
        kernel.kill("SIGKILL");
        await kernel.waitExit();
        cell.outputs = collector.outputs;
        report.status = "failed";
        report.detail = `timed out after ${cellTimeout} s; ${stopped ? "interrupted" : "did not stop on SIGINT"}, kernel killed`;
        result.failure = `${where(i)}: ${report.detail}`;
        continue;
      }
      if (outcome.kind === "died") {
        const info = kernel.exitInfo;
        report.status = "failed";
        report.detail = `the kernel died while running this cell (${info?.signal ? `signal ${info.signal}` : `exit code ${info?.code}`})`;
        result.failure = `${where(i)}: ${report.detail}${kernel.log.trim() ? "\n" + indent(kernel.log.trim()) : ""}`;
        continue;
      }
      const content = outcome.reply.content as { status: string; execution_count?: number };
      cell.execution_count = content.execution_count ?? collector.executionCount;
      if (content.status === "ok") {
        if (d.raises) {
          report.status = "failed";
          report.detail = `expected the cell to throw ${d.raises}, but it completed without an error`;
          result.failure = `${where(i)}: ${report.detail}`;
        }
        continue;
      }
      if (content.status === "abort" || content.status === "aborted") {
        report.status = "failed";
        report.detail =
          "the kernel aborted the request (it arrived within tslab's 200 ms window after an error)";
        result.failure = `${where(i)}: ${report.detail}`;
        continue;
      }
      // status "error": tslab printed the error on stderr.
      afterError = true;
      const text = collector.takeErrorText();
      const error: ErrorOutput = parseCellError(
        text || "(the kernel reported an error without text)",
      );
      cell.outputs = [...collector.outputs, error];
      if (d.raises && error.ename === d.raises) {
        report.status = "raised";
        report.detail = `${error.ename}: ${error.evalue.split("\n")[0]}`;
        continue;
      }
      const line = offendingLine(text, cell.source);
      const srcLine = line
        ? `\n    > line ${line}: ${cell.source.split("\n")[line - 1].trim()}`
        : "";
      const expected = d.raises ? `expected ${d.raises}, got ` : "";
      report.status = "failed";
      report.detail = `${expected}${error.ename}: ${error.evalue}`;
      result.failure = `${where(i)}: ${report.detail}${srcLine}`;
    }
  } finally {
    client.stop();
    await kernel.shutdown();
  }

  const schemaErrors = validateNotebook(nb);
  if (schemaErrors.length > 0) {
    return fail(
      `${displayPath}: the executed notebook is not valid nbformat 4.5:\n${indent(schemaErrors.join("\n"))}`,
    );
  }
  const outDir = options.outDir ?? path.join(repoRoot(), "build", "notebooks");
  result.outputPath = path.join(outDir, path.basename(file));
  writeNotebook(result.outputPath, nb);
  result.passed = !result.failure;
  if (result.passed && options.inplace) writeNotebook(file, nb);
  result.ms = Date.now() - started;
  return result;
}
