/**
 * `itolab-run --solutions`: each graded lab's stub (a code cell marked `//| lab: NN-name`, which
 * declares one function) is replaced, before the kernel starts, by the function of the same name
 * in the lecture's reference solutions `labs/solutions/NN.ts`; after the run every lab's grader
 * must have printed its "✓ lab NN-name" line. Solutions never reach a source notebook: the run
 * refuses `--inplace` with `--solutions`, and writes its copies to their own folder.
 */
import fs from "fs";
import path from "path";
import ts from "typescript";
import { parseDirectives } from "./directives";
import { Cell, Notebook, Output } from "./notebook-file";
import { SourceTransform } from "./run-types";

/** The functions a solutions file exports, by name, as source text without `export`. */
export function solutionFunctions(file: string): Map<string, string> {
  const text = fs.readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true, ts.ScriptKind.TS);
  const out = new Map<string, string>();
  for (const node of sf.statements) {
    if (!ts.isFunctionDeclaration(node) || !node.name) continue;
    const exported = node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    const start = node.modifiers![0].getEnd();
    const doc = ts.getJSDocCommentsAndTags(node).map((d) => d.getText(sf));
    const body = text.slice(start, node.getEnd()).trimStart();
    out.set(node.name.text, [...doc, body].join("\n"));
  }
  return out;
}

/** The name of the one function a lab stub declares. */
export function stubFunctionName(source: string): string {
  const sf = ts.createSourceFile("stub.ts", source, ts.ScriptTarget.ES2020, true, ts.ScriptKind.TS);
  const names = sf.statements.flatMap((s) =>
    ts.isFunctionDeclaration(s) && s.name ? [s.name.text] : [],
  );
  if (names.length !== 1) {
    throw new Error(`a lab stub must declare exactly one function, found ${names.length}`);
  }
  return names[0];
}

/** The lecture's solutions file: labs/solutions/NN.ts for notebooks/NN-….ipynb. */
export function solutionsFile(notebook: string, solutionsDir: string): string {
  const m = /^(\d\d)-/.exec(path.basename(notebook));
  if (!m) throw new Error(`${notebook}: a notebook with labs must be named NN-….ipynb`);
  return path.join(solutionsDir, `${m[1]}.ts`);
}

/**
 * The source transform of `--solutions` for one notebook: a `//| lab:` cell becomes its
 * directive lines followed by the reference solution of the function it declares.
 * @param notebook the notebook's path (its NN names the solutions file)
 * @param solutionsDir the folder of NN.ts files (labs/solutions)
 */
export function solutionTransform(notebook: string, solutionsDir: string): SourceTransform {
  let functions: Map<string, string> | null = null;
  return (cell: Readonly<Cell>) => {
    const { directives, lines } = parseDirectives(cell.source);
    if (directives.lab === undefined) return cell.source;
    const file = solutionsFile(notebook, solutionsDir);
    if (!fs.existsSync(file)) throw new Error(`lab ${directives.lab}: no solutions file ${file}`);
    functions ??= solutionFunctions(file);
    const all = cell.source.split("\n");
    const name = stubFunctionName(all.slice(lines).join("\n"));
    const solution = functions.get(name);
    if (solution === undefined) {
      throw new Error(`lab ${directives.lab}: ${file} exports no function ${name}`);
    }
    return [...all.slice(0, lines), solution].join("\n");
  };
}

function outputText(o: Output): string {
  if (o.output_type === "stream")
    return Array.isArray(o.text) ? o.text.join("") : String(o.text ?? "");
  const data = (o as { data?: Record<string, unknown> }).data;
  const plain = data?.["text/plain"];
  return Array.isArray(plain) ? plain.join("") : typeof plain === "string" ? plain : "";
}

/**
 * After a `--solutions` run: the lab ids whose grader did not print "✓ lab <id>".
 * @param nb the executed notebook
 */
export function labsNotPassed(nb: Notebook): string[] {
  const text = nb.cells
    .flatMap((c) => (c.cell_type === "code" ? (c.outputs ?? []) : []))
    .map(outputText)
    .join("\n");
  const missing: string[] = [];
  for (const cell of nb.cells) {
    if (cell.cell_type !== "code") continue;
    const { directives } = parseDirectives(cell.source);
    if (directives.lab !== undefined && !text.includes(`✓ lab ${directives.lab} (`)) {
      missing.push(directives.lab);
    }
  }
  return missing;
}
