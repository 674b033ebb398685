/**
 * Labs in the lecture pages (issue 24): what the page's lab worker does with a reader's code, as
 * pure functions shared by the worker (./../browser/labs/worker.ts, with the TypeScript compiler
 * bundled for the browser) and the Node tests. The code is compiled as `npm run labs` compiles a
 * stub cell (kernel/labs/stubs.ts): the notebook's imports, the cell, then an export of the lab's
 * function, through TypeScript's `transpileModule` to CommonJS (types erased, not checked), and
 * run with a `require` that knows only itolab and its subpaths.
 */
import type * as TS from "typescript";
import type { LabReport } from "../../../../src/labs";

/** The localStorage key of a lab's saved code and verdict in a lecture's page. */
export const storageKey = (lecture: string, lab: string): string => `itolab-lab:${lecture}:${lab}`;

/** What the page keeps of a lab in localStorage. */
export interface SavedLab {
  /** the reader's code */
  code: string;
  /** the last verdict on that code, if it was checked */
  verdict: LabVerdict | null;
  /** when it was saved (ISO 8601) */
  at: string;
}

/** A saved entry read back, or null when absent or not one of ours (an older or foreign value). */
export function parseSaved(text: string | null): SavedLab | null {
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as Partial<SavedLab>;
    if (typeof v !== "object" || v === null || typeof v.code !== "string") return null;
    const verdict = isVerdict(v.verdict) ? v.verdict : null;
    return { code: v.code, verdict, at: typeof v.at === "string" ? v.at : "" };
  } catch {
    return null;
  }
}

/**
 * What the page shows under the editor: "passed", "failed", "not attempted" (the grader's states),
 * "error" (the code does not compile, or throws while it loads, or declares no such function) or
 * "stopped" (it ran longer than the page allows: the worker was terminated).
 */
export type LabVerdictState = LabReport["state"] | "error" | "stopped";

export interface LabVerdict {
  state: LabVerdictState;
  /** the first line: "✓ lab 00-brownian-path (brownianPath): right on all 12 cases; …" */
  head: string;
  /** the report's other lines, trimmed: smallest failing case, expected, received, tolerance, hint */
  details: string[];
  /** the hint of a failure, else null */
  hint: string | null;
}

const STATES: readonly string[] = ["passed", "failed", "not attempted", "error", "stopped"];

function isVerdict(v: unknown): v is LabVerdict {
  const o = v as LabVerdict;
  return (
    typeof o === "object" &&
    o !== null &&
    STATES.includes(o.state) &&
    typeof o.head === "string" &&
    Array.isArray(o.details) &&
    o.details.every((d) => typeof d === "string")
  );
}

/** The grader's report as the page shows it. */
export function verdictOfReport(report: LabReport): LabVerdict {
  const [head, ...rest] = report.message.split("\n");
  return {
    state: report.state,
    head,
    details: rest.map((l) => l.trim()).filter((l) => l !== ""),
    hint: report.hint,
  };
}

/** A verdict that is not the grader's: the code did not compile or load. */
export function errorVerdict(head: string, details: string[] = []): LabVerdict {
  return { state: "error", head: `✗ ${head}`, details, hint: null };
}

/** The verdict of a run the page stopped after `ms` milliseconds. */
export function stoppedVerdict(fn: string, ms: number): LabVerdict {
  const s = ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
  return {
    state: "stopped",
    head: `✗ stopped: ${fn} was still running after ${s} (an endless loop?)`,
    details: [
      "the worker running your code was terminated, so the page stays responsive;",
      "look for a loop whose condition never becomes false, then check again",
    ],
    hint: null,
  };
}

/** The module the worker runs: the notebook's imports, the reader's code, the export. */
export function labModuleSource(imports: string, code: string, fn: string): string {
  return (
    `${imports}\n${code}\n` + `module.exports = typeof ${fn} === "function" ? ${fn} : undefined;\n`
  );
}

export type Compiled = { ok: true; js: string } | { ok: false; verdict: LabVerdict };

/**
 * The reader's code compiled by TypeScript's `transpileModule` (the compiler `npm run labs` uses,
 * with its options), or the syntax errors it reports, with lines numbered as in the editor.
 * @param ts the TypeScript compiler (the `typescript` package, in Node or bundled)
 * @param imports the notebook's import declarations (one per line)
 * @param code the editor's text
 * @param fn the lab's function name
 */
export function compileLab(typescript: typeof TS, imports: string, code: string, fn: string) {
  const source = labModuleSource(imports, code, fn);
  const out = typescript.transpileModule(source, {
    compilerOptions: {
      module: typescript.ModuleKind.CommonJS,
      target: typescript.ScriptTarget.ES2020,
      esModuleInterop: true,
    },
    reportDiagnostics: true,
    fileName: "lab.ts",
  });
  const errors = (out.diagnostics ?? []).filter(
    (d) => d.category === typescript.DiagnosticCategory.Error,
  );
  if (errors.length === 0) return { ok: true, js: out.outputText } as Compiled;
  const offset = imports === "" ? 0 : imports.split("\n").length;
  const lines = errors.slice(0, 5).map((d) => {
    const text = typescript.flattenDiagnosticMessageText(d.messageText, "\n");
    if (d.file === undefined || d.start === undefined) return text;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `line ${line + 1 - offset}, column ${character + 1}: ${text}`;
  });
  const n = errors.length;
  return {
    ok: false,
    verdict: errorVerdict(`your code does not compile (${n} error${n === 1 ? "" : "s"})`, lines),
  } as Compiled;
}

/**
 * The `require` of the reader's module: itolab and its subpaths (`itolab/labs`, `itolab/sde`…),
 * nothing else (the notebook's other packages, such as mathjs, are not in the page).
 * @param modules the modules by specifier
 */
export function labRequire(modules: Readonly<Record<string, unknown>>): (name: string) => unknown {
  return (name: string) => {
    if (Object.prototype.hasOwnProperty.call(modules, name)) return modules[name];
    throw new Error(
      `${name} is not available to the labs in the page (only itolab and its subpaths are): ` +
        "solve the lab with what the lecture's library offers, or in Jupyter",
    );
  };
}

/**
 * Runs the compiled module and returns the lab's function, or the verdict saying why not.
 * @param js the compiled CommonJS module
 * @param fn the function's name
 * @param require the module's `require` (labRequire)
 */
export function loadLab(
  js: string,
  fn: string,
  require: (name: string) => unknown,
): { ok: true; fn: (...args: never[]) => unknown } | { ok: false; verdict: LabVerdict } {
  const module = { exports: {} as unknown };
  try {
    new Function("require", "module", "exports", js)(require, module, module.exports);
  } catch (e) {
    const err = e as Error;
    return {
      ok: false,
      verdict: errorVerdict(`your code threw while it loaded, before ${fn} was called`, [
        err instanceof Error ? `${err.name}: ${err.message}` : String(e),
      ]),
    };
  }
  if (typeof module.exports !== "function") {
    return {
      ok: false,
      verdict: errorVerdict(`your code declares no function ${fn}`, [
        `the grader calls ${fn}: keep the stub's function name (function ${fn}(…) { … })`,
      ]),
    };
  }
  return { ok: true, fn: module.exports as (...args: never[]) => unknown };
}

/** The import declarations of a lecture's code cells (sources without directives), in order. */
export function lectureImports(typescript: typeof TS, sources: readonly string[]): string {
  const out: string[] = [];
  for (const text of sources) {
    const sf = typescript.createSourceFile(
      "cell.ts",
      text,
      typescript.ScriptTarget.ES2020,
      true,
      typescript.ScriptKind.TS,
    );
    for (const s of sf.statements) if (typescript.isImportDeclaration(s)) out.push(s.getText(sf));
  }
  return out.join("\n");
}
