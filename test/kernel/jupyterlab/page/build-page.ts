/**
 * Builds the JupyterLab test pages (not a test file): main.ts and plotly-renderer.ts bundled by
 * esbuild into IIFE scripts and stylesheets, plus two pages, `bare.html` (JupyterLab as
 * `pip install jupyterlab` gives it) and `plotly.html` (with jupyterlab-plotly's renderer), all
 * loadable from file:// with no network.
 * JupyterLab's packages are written for webpack, so a small esbuild plugin resolves their CSS
 * `@import url("~pkg/…")` from node_modules and loads an SVG imported by JavaScript as text
 * (LabIcon) but one referenced from CSS as a file. plotly.js (for jupyterlab-plotly's renderer,
 * which imports `plotly.js/dist/plotly`) is the prebuilt `plotly.js-dist-min` that package.json's
 * overrides install under the name `plotly.js`.
 */
import fs from "fs";
import path from "path";
import type { Plugin } from "esbuild";

const root = path.resolve(__dirname, "..", "..", "..", "..");

/** Where the pages are built: one folder per test file and process, so that runs never meet. */
export const pagesRoot = path.join(root, "build", "jupyterlab-test");

/** The two test pages, as file:// URLs. */
export interface Pages {
  /** the folder holding them (and the cells' scripts the tests write beside them) */
  dir: string;
  /** standard renderer factories only */
  bare: string;
  /** plus jupyterlab-plotly's mime renderer */
  plotly: string;
}

/** JupyterLab's webpack habits, for esbuild. */
const webpackHabits: Plugin = {
  name: "jupyterlab-webpack-habits",
  setup(build) {
    build.onResolve({ filter: /^~/ }, (args) => ({
      path: require.resolve(args.path.slice(1), { paths: [args.resolveDir] }),
    }));
    build.onResolve({ filter: /\.svg$/ }, (args) =>
      args.kind === "import-statement" || args.kind === "require-call"
        ? { path: require.resolve(args.path, { paths: [args.resolveDir] }), namespace: "svg-text" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "svg-text" }, (args) => ({
      contents: fs.readFileSync(args.path, "utf8"),
      loader: "text",
    }));
  },
};

/**
 * Bundles the pages into `build/jupyterlab-test/<name>-<pid>/` (a few seconds); the caller
 * removes the folder when done.
 */
export async function buildPages(name: string): Promise<Pages> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require("esbuild") as typeof import("esbuild");
  const pageDir = path.join(pagesRoot, `${name}-${process.pid}`);
  fs.rmSync(pageDir, { recursive: true, force: true });
  fs.mkdirSync(pageDir, { recursive: true });
  await esbuild.build({
    entryPoints: {
      page: path.join(__dirname, "main.ts"),
      "plotly-renderer": path.join(__dirname, "plotly-renderer.ts"),
    },
    outdir: pageDir,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"', global: "globalThis" },
    alias: { "plotly.js/dist/plotly": "plotly.js" },
    loader: {
      ".woff": "file",
      ".woff2": "file",
      ".ttf": "file",
      ".eot": "file",
      ".png": "file",
      ".gif": "file",
      ".svg": "file",
    },
    assetNames: "assets/[name]-[hash]",
    plugins: [webpackHabits],
  });
  const html = (scripts: string[]) =>
    [
      "<!doctype html>",
      '<html lang="en"><head><meta charset="utf-8"><title>itolab outputs in JupyterLab</title>',
      ...scripts.map((s) => `<link rel="stylesheet" href="${s}.css">`),
      "<style>body { margin: 0; padding: 8px; width: 960px; font-family: sans-serif; }</style>",
      "</head><body>",
      ...scripts.map((s) => `<script src="${s}.js"></script>`),
      "</body></html>",
      "",
    ].join("\n");
  fs.writeFileSync(path.join(pageDir, "bare.html"), html(["page"]));
  fs.writeFileSync(path.join(pageDir, "plotly.html"), html(["page", "plotly-renderer"]));
  const url = (file: string) => `file://${path.join(pageDir, file)}`;
  return { dir: pageDir, bare: url("bare.html"), plotly: url("plotly.html") };
}
