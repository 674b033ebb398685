/**
 * The browser builds the notes ship (issue 24), made by esbuild at `npm run notes` time:
 * - `assets/itolab-<hash>.js`: the library `itolab` (src/index.ts) as one ES module for the
 *   browser, for readers and for what runs in the page;
 * - `assets/live-<hash>.js`: the live-figure runtime (./browser/runtime.ts), a classic script
 *   that embeds its Web Worker (./browser/worker.ts: the library and every figure's `compute`,
 *   an IIFE) as a string, so the worker starts from a Blob URL, from file:// too.
 * Both use lite/build.js's browser seams of itolab (src/plot/plotly-source.ts, show()'s lookup of
 * tslab) and `platform: "browser"`; a Node built-in reached from any of them fails the build,
 * naming the importer.
 */
import { builtinModules } from "module";
import path from "path";
import type { Plugin } from "esbuild";
import { repoRoot } from "../../runner/paths";
import type { SiteFile } from "../site-file";

/** A built file of the site: its path under the site, its text and size. */
export interface BuiltAsset {
  file: string;
  text: string;
  bytes: number;
}

export interface LiveAssets {
  library: BuiltAsset;
  runtime: BuiltAsset;
  /** the embedded worker's size, in bytes */
  workerBytes: number;
  seconds: number;
}

const BUILTINS = new Set(builtinModules);

/**
 * Fails the build on `fs`, `node:path`, `worker_threads`…, which the browser does not have, unless
 * the importing package maps it away for browsers (package.json "browser": { "crypto": false },
 * as seedrandom does for its optional entropy source).
 */
export const noNodeBuiltins = (root: string): Plugin => ({
  name: "no-node-builtins",
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (a) => {
      const bare = a.path.replace(/^node:/, "");
      if (
        a.pluginData === "no-node-builtins" ||
        !(a.path.startsWith("node:") || BUILTINS.has(bare))
      )
        return undefined;
      const mapped = await build.resolve(a.path, {
        kind: a.kind,
        importer: a.importer,
        resolveDir: a.resolveDir,
        pluginData: "no-node-builtins",
      });
      if (mapped.errors.length === 0 && !mapped.external) return undefined; // mapped for browsers
      const by = a.importer ? path.relative(root, a.importer) : "the entry";
      return {
        errors: [
          {
            text: `${a.path} is a Node built-in, imported by ${by}: the browser build of itolab must not use one`,
          },
        ],
      };
    });
  },
});

/** lite/build.js's seams (the same plugin object the JupyterLite build uses). */
function browserSeams(root: string): Plugin {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(root, "lite", "build.js")) as { browserSeams: Plugin }).browserSeams;
}

/** The esbuild options the three builds share. */
export function common(root: string, minify: boolean) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const plotlyVersion = (require("plotly.js-dist-min/package.json") as { version: string }).version;
  return {
    bundle: true,
    minify,
    write: false,
    target: ["es2022"],
    platform: "browser" as const,
    logLevel: "silent" as const,
    legalComments: "none" as const,
    absWorkingDir: root,
    plugins: [browserSeams(root), noNodeBuiltins(root)],
    define: {
      "process.env.NODE_ENV": '"production"',
      global: "globalThis",
      __PLOTLY_VERSION__: JSON.stringify(plotlyVersion),
    },
  };
}

/**
 * Builds the library module and the live runtime.
 * @param options root: the repository (default: this one); minify (default true)
 * @returns the two assets (site paths `assets/…-<hash>.js`), the worker's size and the time
 */
export async function buildLiveAssets(
  options: { root?: string; minify?: boolean } = {},
): Promise<LiveAssets> {
  const root = options.root ?? repoRoot();
  const minify = options.minify ?? true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require("esbuild") as typeof import("esbuild");
  const t0 = Date.now();
  const base = common(root, minify);
  const live = path.join(root, "kernel", "notes", "live", "browser");
  const out = path.join(root, "build", "live-assets");
  const [library, worker] = await Promise.all([
    esbuild.build({
      ...base,
      entryPoints: { itolab: path.join(root, "src", "index.ts") },
      format: "esm",
      outdir: out,
      entryNames: "[name]-[hash]",
    }),
    esbuild.build({
      ...base,
      entryPoints: [path.join(live, "worker.ts")],
      format: "iife",
      outfile: path.join(out, "worker.js"),
    }),
  ]);
  const workerText = worker.outputFiles![0].text;
  const runtime = await esbuild.build({
    ...base,
    entryPoints: { live: path.join(live, "runtime.ts") },
    format: "iife",
    outdir: out,
    entryNames: "[name]-[hash]",
    define: { ...base.define, __LIVE_WORKER_SOURCE__: JSON.stringify(workerText) },
  });
  const asset = (f: { path: string; text: string; contents: Uint8Array }): BuiltAsset => ({
    file: `assets/${path.basename(f.path)}`,
    text: f.text,
    bytes: f.contents.byteLength,
  });
  return {
    library: asset(library.outputFiles![0]),
    runtime: asset(runtime.outputFiles![0]),
    workerBytes: worker.outputFiles![0].contents.byteLength,
    seconds: (Date.now() - t0) / 1000,
  };
}

/** The assets as files of the site. */
export function liveSiteFiles(assets: LiveAssets): Map<string, SiteFile> {
  return new Map([
    [assets.library.file, { content: assets.library.text }],
    [assets.runtime.file, { content: assets.runtime.text }],
  ]);
}
