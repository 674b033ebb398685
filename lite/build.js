#!/usr/bin/env node
/**
 * `npm run lite`: builds the course as a JupyterLite site in build/lite/, a JupyterLab 4.6
 * application that runs entirely in the browser, with an in-browser TypeScript kernel and the
 * browser build of itolab. Open build/lite/lab/index.html from any static web server
 * (`npm run lite:serve`), e.g. build/lite/lab/index.html?path=00-brownian-motion.ipynb.
 *
 *   node lite/build.js [--out build/lite] [--no-minify] [--sourcemap] [--if-stale]
 *
 * Assembled from npm packages with esbuild, the route JupyterLite's maintainers describe for a
 * custom app (their app/lab template lists the plugins; no webpack, no module federation, no
 * service worker, no Python): every extension is imported statically into one bundle.
 *
 * Layout (the URLs of a `jupyter lite build` site):
 *   index.html                     redirect to lab/index.html, keeping ?path=…
 *   lab/index.html                 page config (exposeAppInBrowser) and the app's module script
 *   build/lab-<hash>.js|.css       the app (lite/app/main.ts), lazy chunks in build/chunks/
 *   build/kernel-worker-<hash>.js  the kernel's Web Worker, TypeScript's compiler inside
 *   build/modules-<hash>.js        what cells import: "itolab", its subpaths, "mathjs"
 *   build/plotly-<version>.min.js  plotly.js, for the figure renderer and figures' text/html
 *   build/schemas/all.json         settings schemas of the bundled plugins
 *   build/themes/<pkg>/index.css   theme CSS, loaded by the ThemeManager
 *   files/*.ipynb                  the course, outputs stripped (a student's edits go to IndexedDB)
 *   api/contents/all.json          the listing JupyterLite's contents drive reads
 *   api/translations/*.json        English only
 *   lite-build.json                fingerprint of the inputs (--if-stale skips a fresh build)
 *
 * The library is bundled from src/ for the browser (`platform: "browser"`). Its two Node-only
 * modules get browser seams here, not in src/: src/plot/plotly-source.ts (reads plotly.js with
 * fs) is replaced by lite/itolab/plotly-source.ts (fetches the same file from the site), and
 * show()'s lookup of tslab's display hook is never reached because lite/itolab/entry.ts installs
 * the kernel's display writer with setDisplayWriter.
 */
const { Buffer } = require("buffer");
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { parseArgs } = require("util");

const root = path.resolve(__dirname, "..");
const kernelName = "itolab";

/** JupyterLab and JupyterLite extension packages bundled into the app, in registration order. */
const EXTENSIONS = [
  "@jupyterlab/application-extension",
  "@jupyterlab/apputils-extension",
  "@jupyterlab/codemirror-extension",
  "@jupyterlab/completer-extension",
  "@jupyterlab/docmanager-extension",
  "@jupyterlab/documentsearch-extension",
  "@jupyterlab/filebrowser-extension",
  "@jupyterlab/launcher-extension",
  "@jupyterlab/lsp-extension",
  "@jupyterlab/mainmenu-extension",
  "@jupyterlab/markedparser-extension",
  "@jupyterlab/metadataform-extension",
  "@jupyterlab/notebook-extension",
  "@jupyterlab/rendermime-extension",
  "@jupyterlab/services-extension",
  "@jupyterlab/shortcuts-extension",
  "@jupyterlab/statusbar-extension",
  "@jupyterlab/theme-light-extension",
  "@jupyterlab/toc-extension",
  "@jupyterlab/translation-extension",
  "@jupyterlab/ui-components-extension",
  "@jupyterlite/application-extension",
  "@jupyterlite/apputils-extension",
  "@jupyterlite/services-extension",
];

/**
 * Plugins that a JupyterLite equivalent replaces or that need a Jupyter server (JupyterLite
 * 0.8's app/lab/package.json), and the service worker, which this kernel does not need (no
 * Pyodide file system, no blocking input()).
 */
const DISABLED = [
  "@jupyterlab/application-extension:logo",
  "@jupyterlab/application-extension:main",
  "@jupyterlab/application-extension:tree-resolver",
  "@jupyterlab/application-extension:router",
  "@jupyterlab/apputils-extension:licenses-client",
  "@jupyterlab/apputils-extension:announcements",
  "@jupyterlab/apputils-extension:resolver",
  "@jupyterlab/docmanager-extension:download",
  "@jupyterlab/filebrowser-extension:download",
  "@jupyterlab/filebrowser-extension:share-file",
  "@jupyterlab/lsp-extension:plugin",
  "@jupyterlab/services-extension:config-section-manager",
  "@jupyterlab/services-extension:connection-status",
  "@jupyterlab/services-extension:default-drive",
  "@jupyterlab/services-extension:event-manager",
  "@jupyterlab/services-extension:kernel-manager",
  "@jupyterlab/services-extension:kernel-spec-manager",
  "@jupyterlab/services-extension:nbconvert-manager",
  "@jupyterlab/services-extension:session-manager",
  "@jupyterlab/services-extension:setting-manager",
  "@jupyterlab/services-extension:user-manager",
  "@jupyterlab/services-extension:workspace-manager",
  "@jupyterlite/application-extension:service-worker-manager",
];

/** Packages other than itolab that cells may import (what the notebooks import besides it). */
const EXTRA_MODULES = ["mathjs"];

/** Node built-ins typescript.js touches only under Node: never loaded in the worker. */
const NODE_ONLY = [
  "fs",
  "path",
  "os",
  "crypto",
  "inspector",
  "perf_hooks",
  "source-map-support",
  "buffer",
  "module",
  "url",
  "worker_threads",
  "child_process",
];

const pkgJson = (name) => require(`${name}/package.json`);
const pkgDir = (name) => path.dirname(require.resolve(`${name}/package.json`));

/**
 * The import specifiers of itolab, from package.json's "exports" ("itolab", "itolab/sde", …),
 * each with its source entry in src/.
 */
function itolabEntries() {
  const { exports } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const entries = [];
  for (const [key, value] of Object.entries(exports)) {
    if (typeof value !== "object" || typeof value.default !== "string") continue;
    const js = value.default.replace(/^\.\/dist\//, "");
    const ts = path.join(root, js.replace(/\.js$/, ".ts"));
    entries.push([key === "." ? "itolab" : `itolab/${key.slice(2)}`, ts]);
  }
  return entries;
}

/** Every file whose change changes the site: sources, notebooks, the lock file, this script. */
function inputFiles() {
  const files = [];
  const walk = (dir, keep) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p, keep);
      else if (keep(e.name)) files.push(p);
    }
  };
  walk(path.join(root, "lite"), (n) => /\.(ts|js)$/.test(n));
  walk(path.join(root, "src"), (n) => n.endsWith(".ts"));
  walk(path.join(root, "notebooks"), (n) => n.endsWith(".ipynb"));
  files.push(path.join(root, "package.json"), path.join(root, "package-lock.json"));
  return files.sort();
}

/** sha256 over the inputs' paths and contents. */
function fingerprint() {
  const hash = crypto.createHash("sha256");
  for (const f of inputFiles()) {
    hash.update(path.relative(root, f));
    hash.update("\0");
    hash.update(fs.readFileSync(f));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** JupyterLab's webpack habits, for esbuild. */
const jupyterlabCompat = {
  name: "jupyterlab-compat",
  setup(build) {
    // CSS `@import url("~@jupyterlab/foo/style/index.css")`: css-loader's "~" is node_modules
    build.onResolve({ filter: /^~/ }, (a) =>
      build.resolve(a.path.slice(1), {
        kind: a.kind,
        resolveDir: a.resolveDir,
        importer: a.importer,
      }),
    );
    // an SVG imported from JavaScript is a raw string (LabIcon); one from CSS is a file
    build.onResolve({ filter: /\.svg$/ }, async (a) => {
      const fromJs = ["import-statement", "require-call", "dynamic-import"].includes(a.kind);
      if (a.namespace === "svg-text" || !fromJs) return undefined;
      const r = await build.resolve(a.path, {
        kind: a.kind,
        resolveDir: a.resolveDir,
        importer: a.importer,
        namespace: "svg-text",
      });
      return r.errors.length ? r : { path: r.path, namespace: "svg-text" };
    });
    build.onLoad({ filter: /.*/, namespace: "svg-text" }, (a) => ({
      contents: fs.readFileSync(a.path, "utf8"),
      loader: "text",
    }));
    // `import SW_URL from "./service-worker?text"` (webpack asset): only the name is used
    build.onResolve({ filter: /\?text$/ }, (a) => ({
      path: path.basename(a.path.replace(/\?text$/, "")) + ".js",
      namespace: "asset-name",
    }));
    build.onLoad({ filter: /.*/, namespace: "asset-name" }, (a) => ({
      contents: `export default ${JSON.stringify(a.path)};`,
      loader: "js",
    }));
  },
};

/** A virtual module `name` whose source is `contents()`, resolved from `resolveDir`. */
function virtualModule(name, contents, resolveDir) {
  const filter = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`);
  return {
    name: `virtual-${name}`,
    setup(build) {
      build.onResolve({ filter }, () => ({ path: name, namespace: "virtual" }));
      build.onLoad({ filter, namespace: "virtual" }, () => ({
        contents: contents(),
        loader: "ts",
        resolveDir,
      }));
    },
  };
}

/** The browser seam of itolab: src/plot/plotly-source.ts → lite/itolab/plotly-source.ts. */
const browserSeams = {
  name: "itolab-browser-seams",
  setup(build) {
    build.onResolve({ filter: /^\.\/plotly-source$/ }, (a) =>
      path.resolve(a.resolveDir) === path.join(root, "src", "plot")
        ? { path: path.join(root, "lite", "itolab", "plotly-source.ts") }
        : undefined,
    );
    // show()'s fallback lookup of tslab's hook (a require that fails at run time, caught)
    build.onResolve({ filter: /^tslab(\/|$)/ }, (a) => ({ path: a.path, external: true }));
  },
};

function writeJson(file, data) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(data, null, 1));
}

/** The output file of `entry` in an esbuild metafile, relative to `dir`. */
function outputOf(metafile, entry, dir) {
  const found = Object.entries(metafile.outputs).find(
    ([, o]) => o.entryPoint !== undefined && path.resolve(root, o.entryPoint) === entry,
  );
  if (!found) throw new Error(`lite: no output for ${entry}`);
  return { js: path.relative(dir, path.resolve(root, found[0])), css: found[1].cssBundle };
}

/** The course notebook without outputs (and execution counts), as a student starts it. */
function stripOutputs(text) {
  const nb = JSON.parse(text);
  for (const cell of nb.cells) {
    if (cell.cell_type !== "code") continue;
    cell.outputs = [];
    cell.execution_count = null;
  }
  return JSON.stringify(nb, null, 1) + "\n";
}

/** Builds the site into `out`; returns a summary (files and sizes, seconds). */
async function build({ out, minify = true, sourcemap = false }) {
  const esbuild = require("esbuild");
  const t0 = Date.now();
  const stat = path.join(out, "build");
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(stat, { recursive: true });
  const common = {
    bundle: true,
    minify,
    sourcemap: sourcemap ? "linked" : false,
    target: ["es2022"],
    platform: "browser",
    logLevel: "warning",
    legalComments: "none",
    metafile: true,
    define: { "process.env.NODE_ENV": '"production"', global: "globalThis" },
    assetNames: "assets/[name]-[hash]",
    chunkNames: "chunks/[name]-[hash]",
    entryNames: "[name]-[hash]",
    outdir: stat,
    format: "esm",
  };

  // plotly.js: one file, loaded by the renderer with a <script> and read by the figures' html
  const plotlyVersion = pkgJson("plotly.js-dist-min").version;
  const plotlyFile = `plotly-${plotlyVersion}.min.js`;
  fs.copyFileSync(require.resolve("plotly.js-dist-min"), path.join(stat, plotlyFile));

  // what cells import: itolab (from src/, for the browser), its subpaths, and EXTRA_MODULES
  const modulesEntry = path.join(root, "lite", "itolab", "entry.ts");
  const modules = await esbuild.build({
    ...common,
    entryPoints: { modules: modulesEntry },
    plugins: [
      browserSeams,
      virtualModule(
        "itolab-lite:modules",
        () => {
          const all = [...itolabEntries(), ...EXTRA_MODULES.map((m) => [m, m])];
          const lines = all.map(([, file], i) => `import * as m${i} from ${JSON.stringify(file)};`);
          const table = all.map(([name], i) => `  ${JSON.stringify(name)}: m${i},`);
          return [...lines, "export const modules = {", ...table, "};", ""].join("\n");
        },
        root,
      ),
    ],
    define: { ...common.define, __PLOTLY_VERSION__: JSON.stringify(plotlyVersion) },
  });
  const modulesFile = outputOf(modules.metafile, modulesEntry, stat).js;

  // the kernel's worker, TypeScript's compiler bundled in
  const workerEntry = path.join(root, "lite", "kernel", "worker.ts");
  const worker = await esbuild.build({
    ...common,
    entryPoints: { "kernel-worker": workerEntry },
    external: NODE_ONLY,
  });
  const workerFile = outputOf(worker.metafile, workerEntry, stat).js;

  // the application
  const appEntry = path.join(root, "lite", "app", "main.ts");
  const app = await esbuild.build({
    ...common,
    entryPoints: { lab: appEntry },
    splitting: true,
    loader: {
      ".woff": "file",
      ".woff2": "file",
      ".ttf": "file",
      ".eot": "file",
      ".png": "file",
      ".gif": "file",
      ".jpg": "file",
      ".svg": "file",
      ".md": "text",
    },
    plugins: [
      jupyterlabCompat,
      virtualModule(
        "itolab-lite:extensions",
        () => {
          const lines = [];
          EXTENSIONS.forEach((name, i) => {
            lines.push(`import * as ext${i} from "${name}";`);
            const p = pkgJson(name);
            const style = p.styleModule || p.style;
            if (style) lines.push(`import "${name}/${style}";`);
          });
          lines.push(`import "@jupyterlab/application/style/index.js";`);
          const table = EXTENSIONS.map((n, i) => `[${JSON.stringify(n)}, ext${i}]`).join(", ");
          lines.push(`export const extensionModules: [string, unknown][] = [${table}];`);
          lines.push(`export const disabledPlugins: string[] = ${JSON.stringify(DISABLED)};`);
          return lines.join("\n") + "\n";
        },
        root,
      ),
    ],
    define: {
      ...common.define,
      __KERNEL_NAME__: JSON.stringify(kernelName),
      __KERNEL_WORKER__: JSON.stringify(workerFile),
      __KERNEL_MODULES__: JSON.stringify(modulesFile),
      __PLOTLY_FILE__: JSON.stringify(plotlyFile),
    },
  });
  const appOut = outputOf(app.metafile, appEntry, stat);
  const appCss = appOut.css ? path.relative(stat, path.resolve(root, appOut.css)) : null;

  // themes: each extension's jupyterlab.themePath → build/themes/<pkg>/index.css
  for (const name of EXTENSIONS) {
    const themePath = pkgJson(name).jupyterlab?.themePath;
    if (!themePath) continue;
    await esbuild.build({
      ...common,
      format: undefined,
      outdir: undefined,
      entryNames: undefined,
      metafile: false,
      entryPoints: [path.join(pkgDir(name), themePath)],
      outfile: path.join(stat, "themes", name, "index.css"),
      plugins: [jupyterlabCompat],
      assetNames: "[name]-[hash]",
      loader: { ".svg": "file", ".woff": "file", ".woff2": "file", ".png": "file" },
    });
  }

  // settings schemas → build/schemas/all.json, the shape JupyterLite's settings service reads
  const schemas = [];
  for (const name of EXTENSIONS) {
    const p = pkgJson(name);
    const dir = p.jupyterlab?.schemaDir && path.join(pkgDir(name), p.jupyterlab.schemaDir);
    if (!dir || !fs.existsSync(dir)) continue;
    for (const f of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()) {
      const schema = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
      const id = `${name}:${path.basename(f, ".json")}`;
      schemas.push({ id, raw: "{}", schema, settings: {}, version: p.version });
    }
  }
  // @jupyterlite/apputils-extension 0.8.3 is published without its schema/ folder; its one
  // schema puts the kernel status into the notebook toolbar
  const kernelStatus = "@jupyterlite/apputils-extension:kernel-status";
  if (!schemas.some((s) => s.id === kernelStatus)) {
    schemas.push({
      id: kernelStatus,
      raw: "{}",
      settings: {},
      version: pkgJson("@jupyterlite/apputils-extension").version,
      schema: {
        title: "Kernel Status",
        type: "object",
        additionalProperties: false,
        properties: {},
        "jupyter.lab.toolbars": { Notebook: [{ name: "kernelStatus", rank: 995 }] },
      },
    });
  }
  writeJson(path.join(stat, "schemas", "all.json"), schemas);
  writeJson(path.join(stat, "schemas", "all_federated.json"), []);

  // contents: the course's notebooks, outputs stripped, and the drive's listing
  const notebooks = fs
    .readdirSync(path.join(root, "notebooks"))
    .filter((n) => n.endsWith(".ipynb"))
    .sort();
  fs.mkdirSync(path.join(out, "files"), { recursive: true });
  const now = new Date().toISOString();
  const listing = notebooks.map((name) => {
    const text = stripOutputs(fs.readFileSync(path.join(root, "notebooks", name), "utf8"));
    fs.writeFileSync(path.join(out, "files", name), text);
    return {
      name,
      path: name,
      type: "notebook",
      mimetype: null,
      size: Buffer.byteLength(text),
      created: now,
      last_modified: now,
      writable: true,
      content: null,
      format: null,
      hash: null,
      hash_algorithm: null,
    };
  });
  writeJson(path.join(out, "api", "contents", "all.json"), {
    name: "",
    path: "",
    type: "directory",
    format: "json",
    mimetype: null,
    size: null,
    writable: true,
    created: now,
    last_modified: now,
    hash: null,
    hash_algorithm: null,
    content: listing,
  });
  writeJson(path.join(out, "api", "translations", "all.json"), {
    data: { en: { displayName: "English", nativeName: "English" } },
    message: "",
  });
  writeJson(path.join(out, "api", "translations", "en.json"), { data: {}, message: "" });

  // the pages
  const config = {
    appName: "itolab",
    appVersion: pkgJson("@jupyterlite/services").version,
    appUrl: "/lab",
    baseUrl: "../",
    fullStaticUrl: "../build",
    settingsUrl: "../build/schemas",
    themesUrl: "./build/themes",
    fullLabextensionsUrl: "../extensions",
    faviconUrl: "../build/favicon.svg",
    federated_extensions: [],
    disabledExtensions: [],
    contentsAllJsonFile: "all.json",
    defaultKernelName: kernelName,
    mode: "multiple-document",
    exposeAppInBrowser: true,
    settingsOverrides: {},
  };
  fs.writeFileSync(
    path.join(stat, "favicon.svg"),
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="8" fill="#3178c6"/></svg>\n',
  );
  // PageConfig wants absolute URLs and caches its first read, so the relative ones are resolved
  // against the page by a classic script that runs before the module: any sub-path of any server
  const resolveUrls = `(function () {
      var el = document.getElementById("jupyter-config-data");
      var c = JSON.parse(el.textContent);
      ["baseUrl", "fullStaticUrl", "settingsUrl", "fullLabextensionsUrl", "faviconUrl"].forEach(function (k) {
        if (/^\\.\\.?\\//.test(c[k])) c[k] = new URL(c[k], location.href).pathname;
      });
      el.textContent = JSON.stringify(c);
      var icon = document.createElement("link");
      icon.rel = "icon";
      icon.href = c.faviconUrl;
      document.head.appendChild(icon);
    })();`;
  const labHtml = [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '  <meta charset="utf-8" />',
    '  <meta name="viewport" content="width=device-width, initial-scale=1" />',
    "  <title>itolab · JupyterLite</title>",
    '  <script id="jupyter-config-data" type="application/json">',
    JSON.stringify(config, null, 2),
    "  </script>",
    `  <script>\n    ${resolveUrls}\n  </script>`,
    appCss ? `  <link rel="stylesheet" href="../build/${appCss}" />` : "",
    `  <script type="module" src="../build/${appOut.js}"></script>`,
    "</head>",
    '<body class="jp-ThemedContainer" data-notebook="lab"></body>',
    "</html>",
    "",
  ].join("\n");
  fs.mkdirSync(path.join(out, "lab"), { recursive: true });
  fs.writeFileSync(path.join(out, "lab", "index.html"), labHtml);
  fs.writeFileSync(
    path.join(out, "index.html"),
    [
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>itolab · JupyterLite</title>',
      "<script>location.replace('lab/index.html' + location.search + location.hash);</script>",
      '<meta http-equiv="refresh" content="0; url=lab/index.html"></head><body></body></html>',
      "",
    ].join("\n"),
  );

  const size = (f) => fs.statSync(path.join(stat, f)).size;
  const summary = {
    seconds: (Date.now() - t0) / 1000,
    notebooks,
    files: {
      app: [appOut.js, size(appOut.js)],
      worker: [workerFile, size(workerFile)],
      modules: [modulesFile, size(modulesFile)],
      plotly: [plotlyFile, size(plotlyFile)],
    },
    total: dirSize(out),
  };
  return summary;
}

function dirSize(dir) {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    n += e.isDirectory() ? dirSize(p) : fs.statSync(p).size;
  }
  return n;
}

/** Builds unless `out` holds a build of the same inputs; returns whether it built. */
async function buildIfStale(options) {
  const stamp = path.join(options.out, "lite-build.json");
  const inputs = fingerprint();
  if (fs.existsSync(stamp)) {
    const previous = JSON.parse(fs.readFileSync(stamp, "utf8"));
    if (previous.inputs === inputs && previous.minify === (options.minify ?? true)) return null;
  }
  const summary = await build(options);
  writeJson(stamp, { inputs, minify: options.minify ?? true, summary });
  return summary;
}

async function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: "string", default: "build/lite" },
      "no-minify": { type: "boolean", default: false },
      sourcemap: { type: "boolean", default: false },
      "if-stale": { type: "boolean", default: false },
    },
  });
  const options = {
    out: path.resolve(root, values.out),
    minify: !values["no-minify"],
    sourcemap: values.sourcemap,
  };
  const rel = path.relative(root, options.out);
  if (values["if-stale"]) {
    const summary = await buildIfStale(options);
    if (summary === null) {
      console.log(`${rel}/ is current`);
      return;
    }
    report(rel, summary);
    return;
  }
  const summary = await build(options);
  writeJson(path.join(options.out, "lite-build.json"), {
    inputs: fingerprint(),
    minify: options.minify,
    summary,
  });
  report(rel, summary);
}

function report(rel, summary) {
  const mib = (n) => `${(n / 1048576).toFixed(2)} MiB`;
  console.log(`built ${rel}/ in ${summary.seconds.toFixed(1)} s (${mib(summary.total)})`);
  for (const [what, [file, bytes]] of Object.entries(summary.files)) {
    console.log(`  ${what.padEnd(8)} build/${file} (${mib(bytes)})`);
  }
  console.log(
    `  ${summary.notebooks.length} notebooks; open ${rel}/lab/index.html on a web server`,
  );
}

module.exports = { build, buildIfStale, fingerprint, browserSeams, itolabEntries };

if (require.main === module) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
