/**
 * Every public function, class and constant of the numerical core carries a doc comment with its
 * formula (KaTeX between `$`) and a citation (`@see`, or an author-year reference), as STYLE.md
 * asks. "Public" means re-exported by the folder's index.ts. Parsed with the TypeScript compiler.
 */
import fs from "fs";
import path from "path";
import ts from "typescript";

const root = path.resolve(__dirname, "..", "..");
const FOLDERS = [
  "rng",
  "stats",
  "brownian",
  "sde",
  "processes",
  "fokker-planck",
  "score",
  "reverse",
  "diffusion",
  "denoise",
  "langevin",
  "guidance",
  "bridges",
  "nn",
  "objectives",
  "samplers",
];

function undocumented(folder: string): string[] {
  const dir = path.join(root, "src", folder);
  if (!fs.existsSync(dir)) return [];
  const index = fs.readFileSync(path.join(dir, "index.ts"), "utf8");
  const problems: string[] = [];
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "index.ts")) {
    const file = path.join(dir, f);
    const src = ts.createSourceFile(
      file,
      fs.readFileSync(file, "utf8"),
      ts.ScriptTarget.Latest,
      true,
    );
    for (const st of src.statements) {
      const exported =
        ts.canHaveModifiers(st) &&
        ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported) continue;
      let name: string | undefined;
      if (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) name = st.name?.text;
      else if (ts.isVariableStatement(st)) {
        const n = st.declarationList.declarations[0].name;
        if (ts.isIdentifier(n)) name = n.text;
      }
      if (!name || !new RegExp(`\\b${name}\\b`).test(index)) continue;
      const docs = ts
        .getJSDocCommentsAndTags(st)
        .map((n) => n.getFullText())
        .join("\n");
      const formula = /\$[^$]+\$/.test(docs);
      const citation = /@see|\(\d{4}\)/.test(docs);
      if (!formula || !citation) {
        problems.push(
          `src/${folder}/${f}: ${name}: ${!docs ? "no doc comment" : [!formula && "no formula", !citation && "no citation"].filter(Boolean).join(", ")}`,
        );
      }
    }
  }
  return problems;
}

it.each(FOLDERS)(
  "src/%s: every public export has a doc comment with a formula and a citation",
  (folder) => {
    expect(undocumented(folder)).toEqual([]);
  },
);
