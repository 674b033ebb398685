/**
 * The shape of src/ (ARCHITECTURE.md, issue "one clear shape"): layers enforced by ESLint
 * (eslint.layers.cjs), no import cycle (dependency-cruiser), a curated package root of at most
 * 100 names, every folder a documented subpath, and every name the package exported before the
 * reshaping still reachable from the root or a subpath. Also runs the whole lint (ESLint and
 * Prettier), so `npm test` fails where `npm run lint` would.
 */
import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import ts from "typescript";

const root = path.resolve(__dirname, "..", "..");
const folders = fs
  .readdirSync(path.join(root, "src"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Names a module exports (values and types), as the type checker sees them. */
function exportsOf(files: string[]): Map<string, Set<string>> {
  const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, noEmit: true });
  const checker = program.getTypeChecker();
  const out = new Map<string, Set<string>>();
  for (const f of files) {
    const sf = program.getSourceFile(f)!;
    const symbol = checker.getSymbolAtLocation(sf)!;
    out.set(f, new Set(checker.getExportsOfModule(symbol).map((s) => s.name)));
  }
  return out;
}

describe("layers (ESLint no-restricted-imports from eslint.layers.cjs)", () => {
  // ESLint in a child process: its flat config is an ES module, which jest's sandbox cannot load
  const lint = async (file: string, code: string): Promise<string[]> => {
    const r = spawnSync(
      "npx",
      ["eslint", "--stdin", "--stdin-filename", file, "--format", "json"],
      { cwd: root, input: code, encoding: "utf8" },
    );
    return JSON.parse(r.stdout)[0].messages.map((m: { message: string }) => m.message);
  };

  it("rejects an import that goes up a layer", async () => {
    const messages = await lint(
      "src/stats/fixture.ts",
      'import { integrate } from "../sde";\nexport const f = integrate;\n',
    );
    expect(messages).toEqual([
      expect.stringMatching(/src\/stats may import only base, fast, linalg, rng \(ARCHITECTURE/),
    ]);
  });

  it("rejects an import between folders of the same layer", async () => {
    const messages = await lint(
      "src/mixture/fixture.ts",
      'import { rationalNormalForm } from "../symbolic";\nexport const f = rationalNormalForm;\n',
    );
    expect(messages).toEqual([expect.stringMatching(/src\/mixture may import only/)]);
  });

  it("rejects an import that bypasses a folder's index.ts", async () => {
    const messages = await lint(
      "src/score/fixture.ts",
      'import { cholesky } from "../linalg/cholesky";\nexport const f = cholesky;\n',
    );
    expect(messages).toEqual([expect.stringMatching(/through its index\.ts/)]);
  });

  it("keeps plot/ and check/ on base/ only, and forbids importing the package root", async () => {
    expect(
      await lint(
        "src/plot/fixture.ts",
        'import { createRng } from "../rng";\nexport const f = createRng;\n',
      ),
    ).toEqual([expect.stringMatching(/src\/plot may import only base/)]);
    expect(
      await lint(
        "src/sde/fixture.ts",
        'import { createRng } from "..";\nexport const f = createRng;\n',
      ),
    ).toEqual([expect.stringMatching(/never import the package root/)]);
  });

  it("accepts an import of an earlier layer through its index", async () => {
    expect(
      await lint(
        "src/sde/fixture.ts",
        'import { requireFinite } from "../base";\nimport type { BrownianSource } from "../brownian";\nexport const f = (s: BrownianSource) => requireFinite("f", "x", s.paths);\n',
      ),
    ).toEqual([]);
  });

  it("places every folder of src/ in a layer", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { allowedImports } = require("../../eslint.layers.cjs");
    for (const f of folders) expect(() => allowedImports(f)).not.toThrow();
    expect(allowedImports("sde")).toEqual(["base", "fast", "linalg", "rng", "stats", "brownian"]);
  });
});

describe("lint", () => {
  it("ESLint and Prettier pass on the whole project (npm run lint)", () => {
    const eslint = spawnSync("npx", ["eslint", "."], { cwd: root, encoding: "utf8" });
    expect({ status: eslint.status, out: eslint.stdout }).toEqual({ status: 0, out: "" });
    const prettier = spawnSync("npx", ["prettier", "--check", "."], {
      cwd: root,
      encoding: "utf8",
    });
    expect({ status: prettier.status, err: prettier.stderr }).toEqual({ status: 0, err: "" });
  }, 120_000);
});

describe("import cycles (dependency-cruiser)", () => {
  const cruise = (...paths: string[]) =>
    spawnSync(
      "npx",
      ["depcruise", ...paths, "--config", ".dependency-cruiser.cjs", "--output-type", "err"],
      { cwd: root, encoding: "utf8" },
    );

  it("finds none in src/ and kernel/", () => {
    const r = cruise("src", "kernel/runner", "kernel/notes");
    expect({ status: r.status, out: r.stdout.trim() }).toEqual({
      status: 0,
      out: expect.stringMatching(/no dependency violations found/),
    });
  }, 60_000);

  it("reports the cycle of the fixture test/fixtures/cycle (a.ts ↔ b.ts)", () => {
    const r = cruise("test/fixtures/cycle");
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(/no-circular/);
  }, 60_000);
});

describe("public API", () => {
  const index = path.join(root, "src", "index.ts");
  const subpaths = folders.map((f) => path.join(root, "src", f, "index.ts"));
  const exported = exportsOf([index, ...subpaths]);
  const before = JSON.parse(
    fs.readFileSync(path.join(__dirname, "api-before-reshape.json"), "utf8"),
  ) as { values: string[]; types: string[] };

  it("the package root exports at most 100 names", () => {
    expect(exported.get(index)!.size).toBeLessThanOrEqual(100);
  });

  it("every name exported before the reshaping is reachable from the root or a subpath", () => {
    const reachable = new Set([...exported.values()].flatMap((s) => [...s]));
    const lost = [...before.values, ...before.types].filter((n) => !reachable.has(n));
    expect(lost).toEqual([]);
  });

  it("every folder is a subpath export of package.json, typed for TS's node10 resolution", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    for (const f of folders) {
      expect(pkg.exports[`./${f}`]).toEqual({
        types: `./dist/src/${f}/index.d.ts`,
        default: `./dist/src/${f}/index.js`,
      });
      expect(pkg.typesVersions["*"][f]).toEqual([`dist/src/${f}/index.d.ts`]);
    }
  });

  it("ARCHITECTURE.md documents every subpath", () => {
    const doc = fs.readFileSync(path.join(root, "ARCHITECTURE.md"), "utf8");
    const missing = folders.filter((f) => !doc.includes(`itolab/${f}`));
    expect(missing).toEqual([]);
  });

  it("a folder's index.ts only re-exports", () => {
    const offenders = subpaths.filter((f) =>
      fs
        .readFileSync(f, "utf8")
        .split("\n")
        .some((l) => l.trim() !== "" && !/^(export\b|\s|}|\/\/|\/\*|\*)/.test(l)),
    );
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it("resolves at run time as the notebooks import it (require of every subpath)", () => {
    const out = execFileSync(
      process.execPath,
      [
        "-e",
        `const fs = ${JSON.stringify(folders)}.map((f) => Object.keys(require("itolab/" + f)).length); console.log(JSON.stringify(fs));`,
      ],
      { cwd: root, encoding: "utf8" },
    );
    expect(JSON.parse(out).every((n: number) => n > 0)).toBe(true);
  });
});
