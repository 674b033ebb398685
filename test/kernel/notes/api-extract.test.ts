/**
 * The extraction in plain Node (TypeDoc, in a child process): on a small fixture package, the
 * subpaths of package.json's "exports", exports in index.ts order, `@internal` left out, lines
 * from the module comment or ARCHITECTURE.md, links across subpaths; on this repository, every
 * subpath, and every exported function of src/sde with its summary and its parameters.
 */
import fs from "fs";
import path from "path";
import { exportOrder } from "../../../kernel/notes/api-extract";
import { ApiModel, codeText } from "../../../kernel/notes/api-model";
import * as sdeExports from "../../../src/sde";
import { extractApiInChild } from "./api-support";
import { root, tempDir } from "./support";

/** A package with two subpaths, written to a temporary folder. */
function fixturePackage(): string {
  const dir = tempDir("api");
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  const exp = (sub: string) => ({
    types: `./dist/src/${sub}index.d.ts`,
    default: `./dist/src/${sub}index.js`,
  });
  write(
    "package.json",
    JSON.stringify({
      name: "fixturepkg",
      exports: {
        ".": exp(""),
        "./alpha": exp("alpha/"),
        "./beta": exp("beta/"),
        "./package.json": "./package.json",
      },
    }),
  );
  write(
    "tsconfig.build.json",
    JSON.stringify({
      compilerOptions: { strict: true, target: "ES2022", module: "commonjs", types: [] },
      include: ["src"],
    }),
  );
  write(
    "ARCHITECTURE.md",
    "| subpath | contents |\n| --- | --- |\n| `fixturepkg/alpha` | the `zeta` function and $\\alpha$ |\n",
  );
  write(
    "src/alpha/a.ts",
    [
      "/** The shape of a point: $(n, d)$. */",
      "export interface Shape {",
      "  /** rows $n$ */",
      "  readonly n: number;",
      "}",
      "/**",
      " * $\\zeta(s) = \\sum_n n^{-s}$.",
      " * @param s real part above 1",
      " * @returns the sum",
      " * @see Riemann (1859)",
      " */",
      "export function zeta(s: number): number {",
      "  return s;",
      "}",
      "/** Second, though alphabetically first. */",
      "export function alphaFn(shape: Shape): Shape {",
      "  return shape;",
      "}",
      "/** @internal */",
      "export function hidden(): void {}",
      "",
    ].join("\n"),
  );
  write(
    "src/alpha/index.ts",
    'export { zeta, alphaFn, hidden } from "./a";\nexport type { Shape } from "./a";\n',
  );
  write(
    "src/beta/index.ts",
    [
      "/**",
      " * Beta: uses alpha's {@link Shape}.",
      " * @module",
      " */",
      'import type { Shape } from "../alpha";',
      "/** Rows of $x$. */",
      "export function betaFn(x: Shape): number {",
      "  return x.n;",
      "}",
      "",
    ].join("\n"),
  );
  write("src/index.ts", 'export { zeta } from "./alpha";\nexport { betaFn } from "./beta";\n');
  return dir;
}

describe("extractApi (TypeDoc in plain Node)", () => {
  it("reads a package: subpaths, index order, @internal left out, lines, links", async () => {
    const model = await extractApiInChild(fixturePackage());
    expect(model.packageName).toBe("fixturepkg");
    expect(model.modules.map((m) => [m.name, m.summary, m.entries.map((e) => e.name)])).toEqual([
      ["fixturepkg/alpha", "the `zeta` function and $\\alpha$", ["zeta", "alphaFn", "Shape"]],
      ["fixturepkg/beta", "Beta: uses alpha's [`Shape`](api-alpha.html#Shape).", ["betaFn"]],
    ]);
    const [zeta, , shape] = model.modules[0].entries;
    expect(zeta).toMatchObject({
      kind: "function",
      code: [["function zeta(s: number): number"]],
      doc: {
        summary: "$\\zeta(s) = \\sum_n n^{-s}$.",
        params: [{ name: "s", text: "real part above 1" }],
        returns: "the sum",
        see: ["Riemann (1859)"],
      },
      source: "src/alpha/a.ts:12",
    });
    expect(shape.members.map((m) => [m.id, codeText(m.code[0]), m.doc.summary])).toEqual([
      ["Shape.n", "readonly n: number", "rows $n$"],
    ]);
    expect(model.modules[1].entries[0].code).toEqual([
      ["function betaFn(x: ", { text: "Shape", href: "api-alpha.html#Shape" }, "): number"],
    ]);
    expect(model.root).toEqual([
      { name: "zeta", kind: "function", href: "api-alpha.html#zeta", module: "fixturepkg/alpha" },
      { name: "betaFn", kind: "function", href: "api-beta.html#betaFn", module: "fixturepkg/beta" },
    ]);
  }, 120_000);

  describe("this repository", () => {
    let model: ApiModel;
    beforeAll(async () => {
      model = await extractApiInChild();
    }, 180_000);

    it("has one module per subpath of package.json, in its order", () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
      const subpaths = Object.keys(pkg.exports)
        .filter((k) => k !== "." && k !== "./package.json")
        .map((k) => `itolab/${k.slice(2)}`);
      expect(model.modules.map((m) => m.name)).toEqual(subpaths);
      for (const m of model.modules)
        expect({ module: m.name, entries: m.entries.length > 0 }).toEqual({
          module: m.name,
          entries: true,
        });
    });

    it("documents every exported function of src/sde with its summary, parameters and source", () => {
      const sde = model.modules.find((m) => m.name === "itolab/sde");
      const entries = new Map(sde?.entries.map((e) => [e.name, e]));
      // in the order of src/sde/index.ts (less any @internal ones)
      const order = exportOrder(path.join(root, "src", "sde", "index.ts"));
      expect([...entries.keys()]).toEqual(order.filter((n) => entries.has(n)));
      const functions = Object.entries(sdeExports)
        .filter(([, v]) => typeof v === "function")
        .map(([k]) => k);
      expect(functions).toContain("integrate");
      for (const name of functions) {
        const e = entries.get(name);
        expect({
          name,
          kind: e?.kind,
          summary: !!e?.doc.summary,
          source: e?.source?.startsWith("src/sde/"),
        }).toEqual({ name, kind: "function", summary: true, source: true });
      }
      for (const name of Object.keys(sdeExports))
        expect({ name, found: entries.has(name) }).toEqual({ name, found: true });
      const integrate = entries.get("integrate");
      expect(integrate?.doc.params.map((p) => p.name)).toEqual([
        "sde",
        "solver",
        "x0",
        "path",
        "options",
      ]);
      expect(integrate?.doc.params.find((p) => p.name === "x0")?.text).toMatch(/\(n, d\)/);
      expect(integrate?.code[0]).toContainEqual({ text: "Sde", href: "api-sde.html#Sde" });
    });

    it("links every name of the package root to its subpath", () => {
      expect(model.root.length).toBeGreaterThan(10);
      expect(model.root.filter((r) => r.href === null).map((r) => r.name)).toEqual([]);
    });
  });
});
