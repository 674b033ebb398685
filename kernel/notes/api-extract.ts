/**
 * The API reference of the package in a folder, extracted from its doc comments by TypeDoc. Runs
 * in plain Node only (TypeDoc is an ES module that jest's sandbox cannot load): the notes CLI calls
 * `extractApi`, and tests run this file as a script, `node dist/kernel/notes/api-extract.js
 * [root]`, which prints the model as JSON.
 *
 * The subpaths are the keys of package.json's "exports" (`./sde` is `src/sde/index.ts`), the root
 * is src/index.ts; TypeDoc reads them with tsconfig.build.json, leaves `@internal` entries out and
 * touches no git. Exports keep the order of their index.ts, and each subpath's line on the API
 * index is its module comment, else its row of the subpath table in ARCHITECTURE.md.
 */
import fs from "fs";
import path from "path";
import ts from "typescript";
import { ApiModel } from "./api-model";
import { apiFromTypeDoc } from "./api-typedoc";
import { TdReflection } from "./api-typedoc-json";

/** The part of TypeDoc's programmatic API used here. */
interface TypeDocApi {
  Application: {
    bootstrapWithPlugins(options: object, readers: object[]): Promise<TypeDocApp>;
  };
  TSConfigReader: new () => object;
}
interface TypeDocApp {
  convert(): Promise<object | undefined>;
  serializer: { projectToObject(project: object, root: string): TdReflection };
  logger: { hasErrors(): boolean };
}

/** The subpath folders of a package, from the keys of its package.json "exports". */
export function subpathFolders(root: string): { packageName: string; folders: string[] } {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    name: string;
    exports?: Record<string, unknown>;
  };
  const folders = Object.keys(pkg.exports ?? {})
    .filter((k) => k.startsWith("./") && k !== "./package.json")
    .map((k) => k.slice(2));
  for (const f of folders) {
    if (!fs.existsSync(path.join(root, "src", f, "index.ts"))) {
      throw new Error(`api: package.json exports ./${f}, but src/${f}/index.ts does not exist`);
    }
  }
  return { packageName: pkg.name, folders };
}

/** The names an index.ts exports, in order (`export { a, b as c } from`, `export * as ns from`). */
export function exportOrder(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const names: string[] = [];
  for (const s of source.statements) {
    if (!ts.isExportDeclaration(s) || !s.exportClause) continue;
    if (ts.isNamedExports(s.exportClause)) {
      for (const e of s.exportClause.elements) names.push(e.name.text);
    } else {
      names.push(s.exportClause.name.text);
    }
  }
  return names;
}

/** The "contents" column of ARCHITECTURE.md's subpath table: `itolab/sde` → its line. */
export function architectureLines(root: string, packageName: string): Record<string, string> {
  const file = path.join(root, "ARCHITECTURE.md");
  if (!fs.existsSync(file)) return {};
  const lines: Record<string, string> = {};
  for (const row of fs.readFileSync(file, "utf8").split("\n")) {
    const m = /^\|\s*`([^`]+)`\s*\|(.*)\|\s*$/.exec(row);
    if (m && m[1].startsWith(`${packageName}/`)) {
      lines[m[1].slice(packageName.length + 1)] = m[2].trim();
    }
  }
  return lines;
}

/**
 * Run TypeDoc on the package at `root` and return the notes' model of its API.
 * @param root the repository (package.json, src/, tsconfig.build.json)
 */
export async function extractApi(root: string): Promise<ApiModel> {
  const { packageName, folders } = subpathFolders(root);
  const entries = [
    path.join(root, "src", "index.ts"),
    ...folders.map((f) => path.join(root, "src", f, "index.ts")),
  ];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const td = require("typedoc") as TypeDocApi;
  const app = await td.Application.bootstrapWithPlugins(
    {
      entryPoints: entries,
      entryPointStrategy: "resolve",
      tsconfig: path.join(root, "tsconfig.build.json"),
      excludeInternal: true,
      excludePrivate: true,
      excludeProtected: true,
      skipErrorChecking: true,
      readme: "none",
      sort: ["source-order"],
      // source positions without git (no remote lookup, no links: the notes print the path)
      disableGit: true,
      sourceLinkTemplate: "{path}",
      basePath: root,
      plugin: [],
      logLevel: "Warn",
    },
    [new td.TSConfigReader()],
  );
  const project = await app.convert();
  if (!project || app.logger.hasErrors()) {
    throw new Error("api: TypeDoc could not convert the package (see its messages above)");
  }
  const json = app.serializer.projectToObject(project, root);
  const spec = (file: string) => ({
    file: path.relative(root, file).split(path.sep).join("/"),
    order: exportOrder(file),
  });
  const lines = architectureLines(root, packageName);
  return apiFromTypeDoc(json, {
    packageName,
    root: spec(entries[0]),
    subpaths: folders.map((folder, i) => ({
      ...spec(entries[i + 1]),
      folder,
      summary: lines[folder],
    })),
  });
}

if (require.main === module) {
  extractApi(path.resolve(process.argv[2] ?? ".")).then(
    (model) => process.stdout.write(JSON.stringify(model)),
    (err: Error) => {
      process.stderr.write(`${err.stack ?? err.message}\n`);
      process.exit(1);
    },
  );
}
