/**
 * Compiling a cell for the in-browser kernel (worker.ts runs the result; pure, so the tests run
 * it under Node): TypeScript's `transpileModule` (types erased, not checked) with a transformer
 * that makes the cell a script whose top-level names outlive it, top-level `await` by an async
 * wrapper, and the map from the script's lines back to the cell's for tracebacks.
 * - `import { a, b as c } from "m"` → `var a = __kernel_require__("m").a, c = …` (namespace and
 *   default imports alike, `import type` dropped, a side-effect import kept as a call);
 * - top-level `let`/`const` → `var`, `class C` → `var C = class C` (re-running a cell is fine);
 *   `export` is dropped;
 * - a cell with a top-level `await` runs in an async function, its declarations hoisted out.
 */
import ts from "typescript";

/** The name of the kernel's module lookup in the compiled script. */
export const REQUIRE = "__kernel_require__";

const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  useDefineForClassFields: true,
  // keep every value import, so that a missing module is reported even if its names are unused
  verbatimModuleSyntax: true,
  sourceMap: true,
};

function withoutExport<T extends ts.ModifierLike>(
  mods: ts.NodeArray<T> | undefined,
): T[] | undefined {
  return mods?.filter(
    (m) => m.kind !== ts.SyntaxKind.ExportKeyword && m.kind !== ts.SyntaxKind.DefaultKeyword,
  );
}

/** The `after` transformer (on the type-erased JavaScript): the cell as a script. */
const toScript: ts.TransformerFactory<ts.SourceFile> = (ctx) => (sf) => {
  const f = ctx.factory;
  const req = (spec: string) =>
    f.createCallExpression(f.createIdentifier(REQUIRE), undefined, [f.createStringLiteral(spec)]);
  const varStatement = (decls: ts.VariableDeclaration[]) =>
    f.createVariableStatement(undefined, f.createVariableDeclarationList(decls, ts.NodeFlags.None));
  const declare = (name: string, init: ts.Expression) =>
    f.createVariableDeclaration(name, undefined, undefined, init);
  const out: ts.Statement[] = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      const spec = (st.moduleSpecifier as ts.StringLiteral).text;
      const clause = st.importClause;
      if (!clause) {
        out.push(f.createExpressionStatement(req(spec)));
        continue;
      }
      if (clause.isTypeOnly) continue;
      const decls: ts.VariableDeclaration[] = [];
      if (clause.name) {
        decls.push(
          declare(clause.name.text, f.createPropertyAccessExpression(req(spec), "default")),
        );
      }
      const nb = clause.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) decls.push(declare(nb.name.text, req(spec)));
      else if (nb) {
        for (const el of nb.elements) {
          if (el.isTypeOnly) continue;
          const imported = (el.propertyName ?? el.name).text;
          decls.push(declare(el.name.text, f.createPropertyAccessExpression(req(spec), imported)));
        }
      }
      if (decls.length) out.push(ts.setTextRange(varStatement(decls), st));
    } else if (ts.isExportDeclaration(st)) {
      continue;
    } else if (ts.isExportAssignment(st)) {
      out.push(f.createExpressionStatement(st.expression));
    } else if (ts.isVariableStatement(st)) {
      const list = f.createVariableDeclarationList(
        st.declarationList.declarations,
        ts.NodeFlags.None,
      );
      out.push(ts.setTextRange(f.createVariableStatement(withoutExport(st.modifiers), list), st));
    } else if (ts.isClassDeclaration(st) && st.name) {
      const cls = f.createClassExpression(
        withoutExport(st.modifiers),
        st.name,
        st.typeParameters,
        st.heritageClauses,
        st.members,
      );
      out.push(ts.setTextRange(varStatement([declare(st.name.text, cls)]), st));
    } else if (
      ts.isFunctionDeclaration(st) &&
      st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
    ) {
      out.push(
        f.updateFunctionDeclaration(
          st,
          withoutExport(st.modifiers),
          st.asteriskToken,
          st.name,
          st.typeParameters,
          st.parameters,
          st.type,
          st.body,
        ),
      );
    } else {
      out.push(st);
    }
  }
  return f.updateSourceFile(sf, out);
};

/** A compile error: the compiler's diagnostics, each with the cell's line and a caret. */
export class CompileError extends Error {
  constructor(readonly diagnostics: string[]) {
    super(diagnostics.join("\n"));
    this.name = "TSError";
  }
}

/** A compiled cell: the script, whether it yields a value, its map back to the cell's lines. */
export interface Compiled {
  js: string;
  hasResult: boolean;
  /** whether the script is an async wrapper (a top-level await): its value is a promise */
  async: boolean;
  /** generated line (0-based) → source line (0-based) */
  lines: Map<number, number>;
}

export function compileCell(code: string, cellName: string): Compiled {
  const out = ts.transpileModule(code, {
    compilerOptions,
    fileName: `${cellName}.ts`,
    reportDiagnostics: true,
    transformers: { after: [toScript] },
  });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length) {
    throw new CompileError(
      errors.map((d) => {
        const msg = ts.flattenDiagnosticMessageText(d.messageText, "\n");
        if (!d.file || d.start === undefined) return `error TS${d.code}: ${msg}`;
        const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
        const src = d.file.text.split("\n")[line] ?? "";
        const caret = " ".repeat(character) + "^";
        return `${cellName}, line ${line + 1}:${character + 1} - error TS${d.code}: ${msg}\n  ${src}\n  ${caret}`;
      }),
    );
  }
  const js = out.outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n");
  const lines = sourceLines(JSON.parse(out.sourceMapText ?? '{"mappings":""}').mappings);
  const parsed = ts.createSourceFile("cell.js", js, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const last = parsed.statements[parsed.statements.length - 1];
  const hasResult = !!last && ts.isExpressionStatement(last) && !isAssignment(last.expression);
  if (!hasTopLevelAwait(parsed)) return { js, hasResult, async: false, lines };
  return { js: asyncScript(parsed, hasResult), hasResult, async: true, lines: shifted(lines, 1) };
}

function isAssignment(e: ts.Expression): boolean {
  return (
    ts.isBinaryExpression(e) &&
    e.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    e.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  );
}

// -------------------------------------------------------------------------- top-level await

/** Whether `await` (or `for await`) occurs outside every function of the script. */
function hasTopLevelAwait(sf: ts.SourceFile): boolean {
  const visit = (node: ts.Node): boolean => {
    if (ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node)) return false;
    if (ts.isAwaitExpression(node)) return true;
    if (ts.isForOfStatement(node) && node.awaitModifier) return true;
    return ts.forEachChild(node, visit) ?? false;
  };
  return sf.statements.some(visit);
}

/** The names a binding pattern (or identifier) declares. */
function boundNames(name: ts.BindingName, into: string[]): void {
  if (ts.isIdentifier(name)) into.push(name.text);
  else for (const el of name.elements) if (!ts.isOmittedExpression(el)) boundNames(el.name, into);
}

/**
 * A script with a top-level await as `var <names>;\n(async () => { … })()`, the body keeping the
 * script's line breaks, so the line map shifts by one: the cell's `var`s and function declarations
 * become assignments to the hoisted names (still global), its final expression is returned.
 */
function asyncScript(sf: ts.SourceFile, hasResult: boolean): string {
  const names: string[] = [];
  const body: string[] = [];
  const text = (n: ts.Node) => n.getText(sf);
  const breaks = (from: number, to: number) => sf.text.slice(from, to).replace(/[^\n]/g, "");
  sf.statements.forEach((st, i) => {
    const lead = breaks(st.getFullStart(), st.getStart(sf));
    if (ts.isFunctionDeclaration(st) && st.name) {
      names.push(st.name.text);
      body.push(`${lead}${st.name.text} = ${text(st)};`);
    } else if (ts.isVariableStatement(st)) {
      let part = lead;
      let end = st.declarationList.declarations[0]?.getStart(sf) ?? 0;
      for (const d of st.declarationList.declarations) {
        boundNames(d.name, names);
        part += breaks(end, d.getStart(sf));
        if (d.initializer) part += `(${text(d.name)} = ${text(d.initializer)}); `;
        end = d.getEnd();
      }
      body.push(part);
    } else if (i === sf.statements.length - 1 && hasResult && ts.isExpressionStatement(st)) {
      body.push(`${lead}return (${text(st.expression)});`);
    } else {
      body.push(lead + text(st));
    }
  });
  const head = names.length ? `var ${[...new Set(names)].join(", ")};` : "";
  return `${head}\n(async () => {${body.join("")}\n})()`;
}

// ------------------------------------------------------------------------------ line map

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** A source map's `mappings`: for each generated line, the source line of its first segment. */
export function sourceLines(mappings: string): Map<number, number> {
  const lines = new Map<number, number>();
  let sourceLine = 0;
  mappings.split(";").forEach((group, generated) => {
    let first = true;
    for (const segment of group.split(",")) {
      if (!segment) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      if (fields.length >= 4) {
        sourceLine += fields[2];
        if (first) lines.set(generated, sourceLine);
        first = false;
      }
    }
  });
  return lines;
}

function shifted(lines: Map<number, number>, by: number): Map<number, number> {
  return new Map([...lines].map(([gen, src]) => [gen + by, src]));
}

/** The cell's line (1-based) of a generated line (1-based), or of the nearest line above. */
export function cellLine(compiled: Compiled, generated: number): number | undefined {
  for (let gen = generated - 1; gen >= 0; gen--) {
    const src = compiled.lines.get(gen);
    if (src !== undefined) return src + 1;
  }
  return undefined;
}

// ------------------------------------------------------------------------------ tracebacks

export const ANSI_RED = "\x1b[0;31m";
export const ANSI_RESET = "\x1b[0m";

/** The traceback of a runtime error: its frames in cells renamed to the cells' own lines. */
export function traceback(
  err: unknown,
  ename: string,
  evalue: string,
  compiled: Map<string, Compiled>,
  code: string[],
): string[] {
  const frames = String((err as Error)?.stack ?? "")
    .split("\n")
    .slice(1)
    .filter((l) => /^\s+at /.test(l) && !/kernel-worker|modules-[\w-]+\.js/.test(l));
  const out = [`${ANSI_RED}${ename}${ANSI_RESET}: ${evalue}`];
  let first: { cell: string; line: number } | undefined;
  for (const frame of frames) {
    const m = /(cell\[\d+\])\.js:(\d+):\d+/.exec(frame);
    const c = m && compiled.get(m[1]);
    const line = c ? cellLine(c, Number(m[2])) : undefined;
    if (m && line !== undefined) {
      first ??= { cell: m[1], line };
      out.push(frame.replace(/\(?(cell\[\d+\])\.js:\d+:\d+\)?/, `(${m[1]}, line ${line})`));
    }
  }
  if (first) {
    const source = code[Number(/\d+/.exec(first.cell)![0])]?.split("\n")[first.line - 1] ?? "";
    out.push(`    > ${first.cell}, line ${first.line}: ${source.trim()}`);
  }
  return out;
}
