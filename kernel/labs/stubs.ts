/**
 * The graded labs of a notebook as `npm run labs` sees them: each code cell marked
 * `//| lab: NN-name` (a stub declaring one function), with the notebook's `import` statements so
 * that the cell compiles on its own.
 */
import fs from "fs";
import path from "path";
import ts from "typescript";
import { parseDirectives } from "../runner/directives";
import { stubFunctionName } from "../runner/lab-solutions";

export interface LabStub {
  /** The lab id of the directive. */
  lab: string;
  /** The function the stub declares (the lab's `fn`). */
  fn: string;
  /** The cell's code without its directive lines. */
  source: string;
  /** The cell's id. */
  cell: string;
}

/** Every import declaration of the notebook's code cells, in order (a cell compiles with them). */
export function notebookImports(cells: { cell_type: string; source: string | string[] }[]): string {
  const imports: string[] = [];
  for (const cell of cells) {
    if (cell.cell_type !== "code") continue;
    const text = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    const sf = ts.createSourceFile("cell.ts", text, ts.ScriptTarget.ES2020, true, ts.ScriptKind.TS);
    for (const s of sf.statements) if (ts.isImportDeclaration(s)) imports.push(s.getText(sf));
  }
  return imports.join("\n");
}

/**
 * The lab stubs of a notebook, in notebook order.
 * @param file the .ipynb path
 */
export function labStubs(file: string): { imports: string; stubs: LabStub[] } {
  const nb = JSON.parse(fs.readFileSync(file, "utf8")) as {
    cells: { cell_type: string; id?: string; source: string | string[] }[];
  };
  const stubs: LabStub[] = [];
  for (const cell of nb.cells) {
    if (cell.cell_type !== "code") continue;
    const text = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    const { directives, lines } = parseDirectives(text);
    if (directives.lab === undefined) continue;
    const source = text.split("\n").slice(lines).join("\n");
    let fn: string;
    try {
      fn = stubFunctionName(source);
    } catch (e) {
      throw new Error(`${path.basename(file)}, lab ${directives.lab}: ${(e as Error).message}`, {
        cause: e,
      });
    }
    stubs.push({ lab: directives.lab, fn, source, cell: cell.id ?? "" });
  }
  return { imports: notebookImports(nb.cells), stubs };
}

/**
 * The stub's cell compiled to a CommonJS module that exports its function (TypeScript's
 * `transpileModule`: types are erased, not checked; the notebook's kernel checks them).
 */
export function compileStub(imports: string, stub: LabStub): string {
  const code = `${imports}\n${stub.source}\nmodule.exports = ${stub.fn};\n`;
  return ts.transpileModule(code, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      esModuleInterop: true,
    },
  }).outputText;
}
