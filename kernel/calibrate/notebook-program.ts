/**
 * A notebook as one program that a calibration run can execute many times in plain Node: its
 * code cells in order (`//| skip` cells left out), the imports hoisted, the rest inside
 * `async function run(seed, cell)`, with the notebook's one `createRng(…)` reading `seed` and a
 * `cell("<id>")` call before each cell so that every check is attributed to its cell. The
 * program is transpiled by TypeScript (no type check: the notebook test type-checks the cells).
 */
import ts from "typescript";
import { parseDirectives } from "../runner/directives";
import { readNotebook } from "../runner/notebook-file";

/** The compiled program and what it was made of. */
export interface NotebookProgram {
  /** CommonJS source exporting `run(seed: number, cell: (id: string) => void): Promise<void>` */
  js: string;
  /** the notebook's own seed, the argument of its `createRng` */
  seed: number;
  /** ids of the cells the program runs, in order */
  cells: string[];
}

const CREATE_RNG = /\bcreateRng\(\s*([^)]*?)\s*\)/g;

/**
 * Compiles a notebook file into a calibration program.
 * @param file path of an .ipynb
 */
export function notebookProgram(file: string): NotebookProgram {
  const nb = readNotebook(file);
  const imports: string[] = [];
  const body: string[] = [];
  const cells: string[] = [];
  let seed: number | null = null;
  for (const cell of nb.cells) {
    if (cell.cell_type !== "code") continue;
    const { directives } = parseDirectives(cell.source);
    if (directives.skip !== undefined) continue;
    let source = cell.source;
    const seeds = [...source.matchAll(CREATE_RNG)];
    if (seeds.length > 0) {
      if (seed !== null || seeds.length > 1) {
        throw new Error(`calibrate: ${file} has more than one createRng(…): one seed per notebook`);
      }
      seed = Number(seeds[0][1]);
      if (!Number.isInteger(seed)) {
        throw new Error(
          `calibrate: ${file}: createRng must take an integer literal, got ${seeds[0][1]}`,
        );
      }
      source = source.replace(CREATE_RNG, "createRng(__seed)");
    }
    const split = splitImports(source);
    imports.push(...split.imports);
    cells.push(cell.id!);
    const code = directives.raises
      ? `try {\n${split.rest}\n} catch (__e) {\n  if ((__e as Error).name !== ${JSON.stringify(directives.raises)}) throw __e;\n}`
      : split.rest;
    body.push(`__cell(${JSON.stringify(cell.id)});\n${code}`);
  }
  if (seed === null) throw new Error(`calibrate: ${file} has no createRng(<seed>)`);
  const program = [
    ...new Set(imports),
    "export async function run(__seed: number, __cell: (id: string) => void): Promise<void> {",
    ...body,
    "}",
  ].join("\n");
  const js = ts.transpileModule(program, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
    fileName: "notebook.ts",
  }).outputText;
  return { js, seed, cells };
}

/** A cell's import declarations, and the rest of its source with `export` modifiers dropped. */
function splitImports(source: string): { imports: string[]; rest: string } {
  const sf = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.ES2022, true);
  const imports: string[] = [];
  const cuts: [number, number, string][] = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      imports.push(st.getText(sf));
      cuts.push([st.getStart(sf), st.getEnd(), ""]);
      continue;
    }
    const exported = ts.canHaveModifiers(st)
      ? ts.getModifiers(st)?.find((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      : undefined;
    if (exported) cuts.push([exported.getStart(sf), exported.getEnd(), ""]);
  }
  let rest = source;
  for (const [start, end, text] of cuts.sort((a, b) => b[0] - a[0])) {
    rest = rest.slice(0, start) + text + rest.slice(end);
  }
  return { imports, rest };
}
