/**
 * The browser builds of the labs in the lecture pages (issue 24), made by esbuild at
 * `npm run notes` time, beside the live figures' (../bundle.ts, whose options they share):
 * - `assets/labs-<hash>.js`: the page script (../browser/labs/runtime.ts): a CodeMirror 6 editor
 *   in each lab's stub cell, the Check and reset buttons, the verdicts, localStorage;
 * - `assets/lab-worker-<hash>.js`: the labs' Web Worker (../browser/labs/worker.ts: TypeScript's
 *   compiler, itolab and its graders, an IIFE) as one string assigned to
 *   `globalThis.__itolabLabWorker`. TypeScript makes it big, so the page inserts it as a script
 *   (which works from file://, where a fetch or `new Worker(file:…)` does not) only when the
 *   reader first edits or checks a lab, and starts the worker from a Blob URL of that string.
 * The worker's `require` gets itolab and every subpath of package.json's "exports" through the
 * virtual module `itolab-lab-modules`.
 */
import { createHash } from "crypto";
import fs from "fs";
import path from "path";
import type { Metafile, Plugin } from "esbuild";
import { repoRoot } from "../../../runner/paths";
import type { SiteFile } from "../../site-file";
import { BuiltAsset, common } from "../bundle";

export interface LabAssets {
  /** the page script (CodeMirror, buttons, storage) */
  runtime: BuiltAsset;
  /** the worker's asset (loaded on demand) */
  worker: BuiltAsset;
  /** bytes of the worker's asset that are TypeScript's compiler, and that are CodeMirror's in the runtime */
  typescriptBytes: number;
  codemirrorBytes: number;
  seconds: number;
}

/** itolab's specifiers and their source entry points, from package.json's "exports". */
export function itolabEntries(root: string): Map<string, string> {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    exports: Record<string, string | { default?: string }>;
  };
  const out = new Map<string, string>();
  for (const [key, target] of Object.entries(pkg.exports)) {
    const file = typeof target === "string" ? target : target.default;
    const m = /^\.\/dist\/(src\/(?:[\w-]+\/)?index)\.js$/.exec(file ?? "");
    if (!m) continue; // ./package.json
    out.set(key === "." ? "itolab" : `itolab/${key.slice(2)}`, path.join(root, `${m[1]}.ts`));
  }
  return out;
}

/** The virtual module `itolab-lab-modules`: `export const modules = { "itolab": …, "itolab/sde": … }`. */
function labModules(root: string): Plugin {
  return {
    name: "itolab-lab-modules",
    setup(build) {
      build.onResolve({ filter: /^itolab-lab-modules$/ }, () => ({
        path: "itolab-lab-modules",
        namespace: "itolab-lab-modules",
      }));
      build.onLoad({ filter: /.*/, namespace: "itolab-lab-modules" }, () => {
        const entries = [...itolabEntries(root)];
        const imports = entries.map(
          ([, file], i) => `import * as m${i} from ${JSON.stringify(file)};`,
        );
        const table = entries.map(([spec], i) => `  ${JSON.stringify(spec)}: m${i},`);
        return {
          contents: `${imports.join("\n")}\nexport const modules = {\n${table.join("\n")}\n};\n`,
          resolveDir: root,
          loader: "js",
        };
      });
    },
  };
}

/** Bytes of an output that come from inputs whose path contains `part`. */
function bytesFrom(meta: Metafile, part: string): number {
  let n = 0;
  for (const out of Object.values(meta.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
      if (input.includes(part)) n += bytesInOutput;
    }
  }
  return n;
}

const asset = (file: string, text: string): BuiltAsset => ({
  file,
  text,
  bytes: Buffer.byteLength(text, "utf8"),
});

/**
 * Builds the labs' page script and worker asset.
 * @param options root: the repository (default: this one); minify (default true)
 */
export async function buildLabAssets(
  options: { root?: string; minify?: boolean } = {},
): Promise<LabAssets> {
  const root = options.root ?? repoRoot();
  const minify = options.minify ?? true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require("esbuild") as typeof import("esbuild");
  const t0 = Date.now();
  const base = common(root, minify);
  const dir = path.join(root, "kernel", "notes", "live", "browser", "labs");
  const out = path.join(root, "build", "live-assets");
  const worker = await esbuild.build({
    ...base,
    plugins: [labModules(root), ...base.plugins],
    entryPoints: [path.join(dir, "worker.ts")],
    format: "iife",
    outfile: path.join(out, "lab-worker.js"),
    metafile: true,
  });
  const text = `globalThis.__itolabLabWorker=${JSON.stringify(worker.outputFiles![0].text)};\n`;
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 8).toUpperCase();
  const workerFile = `lab-worker-${hash}.js`;
  const runtime = await esbuild.build({
    ...base,
    entryPoints: { labs: path.join(dir, "runtime.ts") },
    format: "iife",
    outdir: out,
    entryNames: "[name]-[hash]",
    metafile: true,
    define: { ...base.define, __LAB_WORKER_ASSET__: JSON.stringify(workerFile) },
  });
  const r = runtime.outputFiles![0];
  return {
    runtime: asset(`assets/${path.basename(r.path)}`, r.text),
    worker: asset(`assets/${workerFile}`, text),
    typescriptBytes: bytesFrom(worker.metafile!, "node_modules/typescript/"),
    codemirrorBytes:
      bytesFrom(runtime.metafile!, "node_modules/@codemirror/") +
      bytesFrom(runtime.metafile!, "node_modules/@lezer/") +
      bytesFrom(runtime.metafile!, "node_modules/codemirror/"),
    seconds: (Date.now() - t0) / 1000,
  };
}

/** The assets as files of the site. */
export function labSiteFiles(assets: LabAssets): Map<string, SiteFile> {
  return new Map([
    [assets.runtime.file, { content: assets.runtime.text }],
    [assets.worker.file, { content: assets.worker.text }],
  ]);
}

/** "1.2 MiB" / "340.5 KiB", for the build's report. */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(2)} MiB`
    : `${(bytes / 1024).toFixed(1)} KiB`;
}
