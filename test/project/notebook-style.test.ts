/**
 * The notebook style of STYLE.md ("Notebooks"): code cells read like the maths beside them. Held
 * for the notebooks already rewritten to it, STYLED_NOTEBOOKS in kernel/bin/format-notebooks.js
 * (the same list `npm run format` and `npm run lint` use: add a notebook's number there in the
 * commit that rewrites it). For each of them:
 * - every code cell is formatted by Prettier (`npm run format`);
 * - no code line is longer than 100 characters;
 * - no code cell is longer than 15 lines (directive lines not counted), unless its first lines
 *   carry `//| long: <why it is one cell>`; a cell that carries it is longer than 15 lines;
 * - no `as Float64Array` cast: the library's results are typed;
 * - no function (or class) defined at the top level of one of its cells is defined at the top
 *   level of another notebook: a helper two notebooks need belongs in the library.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import ts from "typescript";
import { STYLED_NOTEBOOKS, notebookPath, sourceText } from "../../kernel/bin/format-notebooks";
import { parseDirectives } from "../../kernel/runner/directives";

const root = path.resolve(__dirname, "..", "..");
const FORMATTER = path.join(root, "kernel", "bin", "format-notebooks.js");
const MAX_LINE = 100;
const MAX_CELL_LINES = 15;

interface CodeCell {
  /** notebooks/NN-name.ipynb */
  notebook: string;
  id: string;
  /** position among all cells, from 1, as Jupyter shows it */
  index: number;
  source: string;
}

function codeCells(file: string): CodeCell[] {
  const notebook = JSON.parse(fs.readFileSync(file, "utf8")) as {
    cells: { cell_type: string; id?: string; source: string | string[] }[];
  };
  return notebook.cells.flatMap((c, i) =>
    c.cell_type === "code"
      ? [
          {
            notebook: path.relative(root, file),
            id: c.id ?? String(i + 1),
            index: i + 1,
            source: sourceText(c.source),
          },
        ]
      : [],
  );
}

const where = (c: CodeCell) => `${c.notebook}, cell ${c.index} (id ${c.id})`;

/** Names of the functions and classes a cell defines at its top level. */
function topLevelFunctions(source: string): string[] {
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.Latest, false);
  const names: string[] = [];
  for (const st of file.statements) {
    if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name) {
      names.push(st.name.text);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        let init = d.initializer;
        while (init && (ts.isParenthesizedExpression(init) || ts.isAsExpression(init))) {
          init = init.expression;
        }
        const isFunction =
          init &&
          (ts.isArrowFunction(init) || ts.isFunctionExpression(init) || ts.isClassExpression(init));
        if (isFunction && ts.isIdentifier(d.name)) names.push(d.name.text);
      }
    }
  }
  return names;
}

/** The notebooks held to the style: STYLED_NOTEBOOKS (kernel/bin/format-notebooks.js), as paths. */
const styled = STYLED_NOTEBOOKS.map((n) => notebookPath(n));
const everyNotebook = fs
  .readdirSync(path.join(root, "notebooks"))
  .filter((f) => f.endsWith(".ipynb"))
  .sort()
  .map((f) => path.join(root, "notebooks", f));

/** Top-level function name → the notebooks (NN) that define it, over every notebook. */
const definedIn = new Map<string, Set<string>>();
for (const file of everyNotebook) {
  for (const cell of codeCells(file)) {
    let names: string[];
    try {
      names = topLevelFunctions(cell.source);
    } catch {
      continue; // a cell the parser cannot read is reported by the formatting check
    }
    for (const name of names) {
      if (!definedIn.has(name)) definedIn.set(name, new Set());
      definedIn.get(name)!.add(path.basename(file).slice(0, 2));
    }
  }
}

interface FormatReport {
  notebooks: string[];
  unformatted: { notebook: string; id: string; index: number }[];
  errors: string[];
}

let formatReport: FormatReport;
beforeAll(() => {
  const run = spawnSync(process.execPath, [FORMATTER, "--check", "--json", ...styled], {
    cwd: root,
    encoding: "utf8",
  });
  formatReport = JSON.parse(run.stdout) as FormatReport;
});

/** Code lines longer than MAX_LINE characters. */
function longLines(cells: CodeCell[]): string[] {
  return cells.flatMap((c) =>
    c.source.split("\n").flatMap((line, i) => {
      const length = [...line].length;
      return length > MAX_LINE
        ? [`${where(c)}, line ${i + 1}: ${length} characters: ${line.slice(0, 50)}…`]
        : [];
    }),
  );
}

/** Cells longer than MAX_CELL_LINES without `//| long`, and `//| long` on short cells. */
function longCells(cells: CodeCell[]): string[] {
  return cells.flatMap((c) => {
    const { directives, lines: directiveLines } = parseDirectives(c.source);
    const lines = c.source.split("\n").length - directiveLines;
    if (lines > MAX_CELL_LINES && directives.long === undefined) {
      return [
        `${where(c)}: ${lines} lines; split it into cells that each do one thing, or say why ` +
          `it is one cell with //| long: <reason>`,
      ];
    }
    if (lines <= MAX_CELL_LINES && directives.long !== undefined) {
      return [`${where(c)}: //| long on a cell of ${lines} lines: remove the directive`];
    }
    return [];
  });
}

/** `as Float64Array` casts. */
function casts(cells: CodeCell[]): string[] {
  return cells.flatMap((c) =>
    c.source
      .split("\n")
      .flatMap((line, i) =>
        /\bas\s+Float64Array\b/.test(line) ? [`${where(c)}, line ${i + 1}`] : [],
      ),
  );
}

/** Top-level functions of notebook `nn` that another notebook also defines (see definedIn). */
function sharedFunctions(cells: CodeCell[], nn: string, defined: Map<string, Set<string>>) {
  return cells.flatMap((c) =>
    topLevelFunctions(c.source).flatMap((name) => {
      const others = [...(defined.get(name) ?? [])].filter((n) => n !== nn);
      return others.length
        ? [
            `${where(c)}: ${name} is also defined in notebook ${others.join(", ")}; move it ` +
              `into the library (array helpers: src/base) or give each its own name`,
          ]
        : [];
    }),
  );
}

const styledRows = styled.map((f) => [path.basename(f), f]);
(styledRows.length ? describe.each(styledRows) : describe.skip.each([["(none styled yet)", ""]]))(
  "%s",
  (_name, file) => {
    const cells = file ? codeCells(file) : []; // "" in the placeholder row of an empty list
    const notebook = path.relative(root, file);

    it("has every code cell formatted by Prettier (npm run format)", () => {
      expect(formatReport.errors).toEqual([]);
      expect(formatReport.notebooks).toContain(notebook);
      const unformatted = formatReport.unformatted
        .filter((c) => c.notebook === notebook)
        .map((c) => `${c.notebook}, cell ${c.index} (id ${c.id}): not formatted`);
      expect(unformatted).toEqual([]);
    });

    it(`has no code line longer than ${MAX_LINE} characters`, () => {
      expect(longLines(cells)).toEqual([]);
    });

    it(`has no code cell longer than ${MAX_CELL_LINES} lines without a //| long reason`, () => {
      expect(longCells(cells)).toEqual([]);
    });

    it("has no `as Float64Array` cast", () => {
      expect(casts(cells)).toEqual([]);
    });

    it("defines no function that another notebook defines too", () => {
      expect(sharedFunctions(cells, path.basename(file).slice(0, 2), definedIn)).toEqual([]);
    });
  },
);

describe("the style checks", () => {
  const cell = (source: string, id = "x-01"): CodeCell => ({
    notebook: "notebooks/99-fixture.ipynb",
    id,
    index: 2,
    source,
  });
  const lines = (n: number) =>
    Array.from({ length: n }, (_, i) => `const a${i} = ${i};`).join("\n");

  it("catch a long line, a long cell, a stale //| long, a cast and a shared helper", () => {
    expect(longLines([cell(`const s = "${"x".repeat(100)}";`)])).toEqual([
      expect.stringMatching(/cell 2 \(id x-01\), line 1: 113 characters/),
    ]);
    expect(longLines([cell(`const s = "${"é".repeat(87)}";`)])).toEqual([]); // 100 characters
    expect(longCells([cell(lines(16))])).toEqual([expect.stringMatching(/16 lines; split it/)]);
    expect(longCells([cell(lines(15)), cell(`//| long: one table\n${lines(16)}`)])).toEqual([]);
    expect(longCells([cell(`//| long: no longer needed\n${lines(3)}`)])).toEqual([
      expect.stringMatching(/\/\/\| long on a cell of 3 lines/),
    ]);
    expect(casts([cell("const x = y as Float64Array;")])).toEqual([
      expect.stringMatching(/line 1$/),
    ]);
    const defined = new Map([["helper", new Set(["98", "99"])]]);
    const source = "function helper() {}\nconst local = () => 1;";
    expect(sharedFunctions([cell(source)], "99", defined)).toEqual([
      expect.stringMatching(/helper is also defined in notebook 98; move it into the library/),
    ]);
  });

  it("count as functions: declarations, arrow functions, function and class expressions", () => {
    const source =
      "function f() {}\nconst g = (x: number) => x, k = 2;\nlet h = function () {};\n" +
      "class C {}\nconst D = (class {});\nconst n = 1;\nif (n) { const inner = () => 0; }";
    expect(topLevelFunctions(source)).toEqual(["f", "g", "h", "C", "D"]);
  });
});

describe("kernel/bin/format-notebooks.js", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "format-notebooks-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const notebook = (cells: object[]) => ({
    cells,
    metadata: { kernelspec: { name: "itolab" } },
    nbformat: 4,
    nbformat_minor: 5,
  });
  const code = (id: string, source: string | string[]) => ({
    cell_type: "code",
    execution_count: null,
    id,
    metadata: {},
    outputs: [],
    source,
  });
  const markdown = { cell_type: "markdown", id: "m", metadata: {}, source: ["# Títle  \n", "x"] };
  const write = (name: string, nb: object, indent = 1) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(nb, null, indent) + "\n");
    return file;
  };
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [FORMATTER, ...args], { cwd: root, encoding: "utf8" });

  it("formats code-cell sources only, keeping string and line-list sources and the layout", () => {
    const file = write(
      "a.ipynb",
      notebook([markdown, code("c1", ["const a={b:1}\n", "const ε = 'é'"]), code("c2", "f( 1 )")]),
    );
    expect(run("--check", file).status).toBe(1);
    expect(run(file).status).toBe(0);
    const expected = notebook([
      markdown,
      code("c1", ["const a = { b: 1 };\n", 'const ε = "é";']),
      code("c2", "f(1);"),
    ]);
    expect(fs.readFileSync(file, "utf8")).toBe(JSON.stringify(expected, null, 1) + "\n");
    const again = run("--check", file);
    expect({ status: again.status, out: again.stdout }).toEqual({ status: 0, out: "" });
  });

  it("names each unformatted cell in --check mode", () => {
    const file = write("b.ipynb", notebook([markdown, code("c1", "x =1")]));
    const r = run("--check", file);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("b.ipynb, cell 2 (id c1): not formatted");
  });

  it("refuses a notebook in another JSON layout, and names a cell Prettier cannot parse", () => {
    const other = write("c.ipynb", notebook([code("c1", "x")]), 2);
    const r = run("--check", other);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/c\.ipynb: not in the layout this formatter writes/);
    const broken = write("d.ipynb", notebook([markdown, code("c9", "const = ;")]));
    const s = run(broken);
    expect(s.status).toBe(2);
    expect(s.stderr).toMatch(/d\.ipynb, cell 2 \(id c9\): Prettier cannot parse it/);
  });
});
