#!/usr/bin/env node
/**
 * `npm run lite:test`: runs every lecture of the course in the built JupyterLite site, in Debian's
 * Chromium driven by playwright-core, as a student would (open the notebook, Run All), and writes
 * the committed report figures/lite.json. test/lite/report.test.ts (in `npm test`) fails when the
 * report is missing, records a failure, or is stale for a notebook (its sha256 changed);
 * test/lite/lecture.test.ts runs one lecture this way in `npm test`.
 *
 *   node lite/run.js [00 01 …] [--report figures/lite.json] [--timeout 600]
 *   npm run lite:test -- 04          (one lecture; its entry in the report replaced)
 *
 * Per lecture: the notebook's sha256, code cells and cells run, check lines (`✓ …`) passed and
 * failed, figures drawn (each a .js-plotly-plot with as many traces as its plotly JSON has), the
 * seconds Run All took in the browser (and before it, opening the notebook with its kernel), error
 * outputs and console errors; and, when build/notebooks/ holds tslab's executed copy of the same
 * source, whether the check lines and the figures' plotly JSON are identical to tslab's (or their
 * largest relative difference: the browser's V8 may round a last digit differently). Given
 * lectures, the report's other entries are kept. The notebooks as the browser executed them are
 * written to build/lite-notebooks/. The build is reused while its inputs are unchanged
 * (lite/build.js --if-stale).
 */
/* global window, performance, setTimeout -- in the functions page.evaluate runs in the page */
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { parseArgs } = require("util");
const { buildIfStale } = require("./build");
const { serve } = require("./serve");

const root = path.resolve(__dirname, "..");
const PLOTLY_MIME = "application/vnd.plotly.v1+json";
const CHROMIUM = process.env.ITOLAB_CHROMIUM ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Lectures whose Run All takes more than 2 minutes in the browser run only their fast sections:
 * stem → { reason, skip: ids of the cells left out }. None today (every lecture runs whole).
 */
const FAST_SECTIONS_ONLY = {};

/** Console messages that are not problems (JupyterLab 4.6 with yjs 13.6 on opening a notebook). */
const BENIGN = /Add Yjs type to a document before reading data|yjs#509/;

const sha256 = (text) => crypto.createHash("sha256").update(text).digest("hex");

/**
 * How two JSON values differ: `structure` counts differences other than between two numbers,
 * `maxRelative` is the largest |a − b| / max(|a|, |b|) over numbers in the same place.
 */
function jsonDifference(a, b, acc = { structure: 0, maxRelative: 0 }) {
  if (typeof a === "number" && typeof b === "number") {
    if (a !== b) {
      const rel = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
      acc.maxRelative = Math.max(acc.maxRelative, Number.isNaN(rel) ? Infinity : rel);
    }
  } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => jsonDifference(x, b[i], acc));
  } else if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      if (k in a && k in b) jsonDifference(a[k], b[k], acc);
      else acc.structure += 1;
    }
  } else if (canonical(a) !== canonical(b)) acc.structure += 1;
  return acc;
}

/** JSON with object keys sorted (nbformat writes outputs so), to compare values. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
}

/** The notebooks named by `selectors` ("00", "00-brownian-motion", a file), or all of them. */
function selectNotebooks(selectors) {
  const all = fs
    .readdirSync(path.join(root, "notebooks"))
    .filter((n) => n.endsWith(".ipynb"))
    .sort();
  if (!selectors || selectors.length === 0) return all;
  return selectors.map((s) => {
    const base = path.basename(s).replace(/\.ipynb$/, "");
    const found = all.find((n) => n === `${base}.ipynb` || n.startsWith(`${base}-`));
    if (!found) throw new Error(`lite: no notebook ${s} in notebooks/`);
    return found;
  });
}

/** Lines of the stdout streams of a list of outputs. */
function streamLines(outputs) {
  return outputs
    .filter((o) => o.output_type === "stream" && o.name === "stdout")
    .map((o) => (Array.isArray(o.text) ? o.text.join("") : o.text))
    .join("")
    .split("\n");
}

/** What tslab's executed copy (build/notebooks/) shows, if it was run from the same source. */
function tslabRun(name, source) {
  const file = path.join(root, "build", "notebooks", name);
  if (!fs.existsSync(file)) return null;
  const executed = JSON.parse(fs.readFileSync(file, "utf8"));
  const code = (nb) =>
    nb.cells
      .filter((c) => c.cell_type === "code")
      .map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source));
  if (JSON.stringify(code(executed)) !== JSON.stringify(code(source))) return null;
  const outputs = executed.cells.filter((c) => c.cell_type === "code").flatMap((c) => c.outputs);
  return {
    checkLines: streamLines(outputs).filter((l) => l.startsWith("✓")),
    figures: outputs.filter((o) => o.data?.[PLOTLY_MIME]).map((o) => o.data[PLOTLY_MIME]),
  };
}

/** In the page: open a notebook, Run All, wait for every cell and figure, measure, close. */
async function runInPage([file, skip, timeoutMs]) {
  const app = window.jupyterapp;
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const t0 = performance.now();
  const panel = await app.commands.execute("docmanager:open", { path: file, factory: "Notebook" });
  await panel.context.ready;
  await panel.sessionContext.ready;
  const kernel = panel.sessionContext.session?.kernel;
  if (!kernel) throw new Error("no kernel started");
  const info = await kernel.info;
  app.shell.activateById(panel.id);
  const notebook = panel.content;
  const codeCells = () => notebook.widgets.filter((w) => w.model.type === "code");
  const started = performance.now();
  const pending = () =>
    codeCells().some((w) => (w.model.executionState ?? "") === "running") ||
    codeCells().some((w) => w.promptNode?.textContent?.includes("*"));
  const deadline = started + timeoutMs;
  if (skip.length === 0) {
    await app.commands.execute("notebook:run-all-cells");
  } else {
    // fast sections only: every cell but the skipped ones, in order
    for (let i = 0; i < notebook.widgets.length; i++) {
      const w = notebook.widgets[i];
      if (w.model.type !== "code" || skip.includes(w.model.id)) continue;
      notebook.activeCellIndex = i;
      await app.commands.execute("notebook:run-cell");
      while (pending() && performance.now() < deadline) await sleep(50);
    }
  }
  while ((pending() || kernel.status !== "idle") && performance.now() < deadline) await sleep(50);
  const seconds = (performance.now() - started) / 1000;
  const timedOut = performance.now() >= deadline;
  // figures draw asynchronously (plotly.js loads on the first one)
  const expected = codeCells()
    .flatMap((w) => w.model.outputs.toJSON())
    .filter((o) => o.data?.["application/vnd.plotly.v1+json"]).length;
  const plots = () => Array.from(notebook.node.querySelectorAll(".itolab-plotly"));
  for (let t = performance.now(); performance.now() - t < 60000; await sleep(100)) {
    const drawn = plots().filter((el) => el.querySelector(".main-svg")).length;
    if (drawn >= expected) break;
  }
  const result = {
    implementation: info.implementation,
    kernelSeconds: (started - t0) / 1000,
    seconds,
    timedOut,
    cells: codeCells().map((w) => ({
      id: w.model.id,
      executionCount: w.model.executionCount,
      outputs: w.model.outputs.toJSON(),
    })),
    plots: plots().map((el) => ({
      drawn: el.classList.contains("js-plotly-plot") && el.querySelector(".main-svg") !== null,
      traces: el.querySelectorAll(".main-svg g.trace, .main-svg g.hm").length,
    })),
  };
  await panel.sessionContext.shutdown();
  panel.context.model.dirty = false;
  panel.close();
  return result;
}

/** The verdict on one lecture's run: the report entry, with its problems (empty: passed). */
function judge(name, text, run, consoleErrors) {
  const source = JSON.parse(text);
  const skip = FAST_SECTIONS_ONLY[name.replace(/\.ipynb$/, "")]?.skip ?? [];
  const outputs = run.cells.flatMap((c) => c.outputs);
  const lines = streamLines(outputs);
  const passed = lines.filter((l) => l.startsWith("✓"));
  const failed = lines.filter((l) => l.startsWith("✗"));
  const errors = run.cells.flatMap((c) =>
    c.outputs
      .filter((o) => o.output_type === "error")
      .map((o) => ({ cell: c.id, error: `${o.ename}: ${o.evalue}`.split("\n")[0] })),
  );
  const figures = outputs.filter((o) => o.data?.[PLOTLY_MIME]).map((o) => o.data[PLOTLY_MIME]);
  const drawn = figures.filter((fig, i) => {
    const plot = run.plots[i];
    return plot?.drawn && plot.traces === fig.data.length;
  }).length;
  const toRun = run.cells.filter((c) => !skip.includes(c.id));
  const cellsRun = toRun.filter((c) => c.executionCount !== null).length;
  const problems = [];
  if (run.timedOut) problems.push("timed out");
  if (cellsRun !== toRun.length) problems.push(`${toRun.length - cellsRun} cells not run`);
  for (const e of errors) problems.push(`error output in cell ${e.cell}: ${e.error}`);
  for (const l of failed) problems.push(`failed check: ${l}`);
  if (drawn !== figures.length) problems.push(`${figures.length - drawn} figures not drawn`);
  if (run.plots.length !== figures.length) {
    problems.push(`${run.plots.length} plot areas for ${figures.length} figures`);
  }
  for (const e of consoleErrors) problems.push(`console error: ${e}`);
  const tslab = skip.length ? null : tslabRun(name, source);
  if (tslab && tslab.checkLines.length !== passed.length) {
    problems.push(`${passed.length} check lines, tslab printed ${tslab.checkLines.length}`);
  }
  return {
    sha256: sha256(text),
    codeCells: run.cells.length,
    cellsRun,
    checksPassed: passed.length,
    checksFailed: failed.length,
    figures: figures.length,
    figuresDrawn: drawn,
    seconds: Math.round(run.seconds * 10) / 10,
    kernelSeconds: Math.round(run.kernelSeconds * 10) / 10,
    ...(skip.length
      ? { fastSectionsOnly: FAST_SECTIONS_ONLY[name.replace(/\.ipynb$/, "")].reason }
      : {}),
    tslab: tslab && {
      checksPassed: tslab.checkLines.length,
      sameCheckLines: JSON.stringify(tslab.checkLines) === JSON.stringify(passed),
      sameFigures: canonical(tslab.figures) === canonical(figures),
      figureDifference: jsonDifference(tslab.figures, figures),
    },
    status: problems.length ? "fail" : "pass",
    problems,
    checkLines: passed,
  };
}

/** Where the notebooks as the browser executed them are written, for inspection. */
const executedDir = path.join(root, "build", "lite-notebooks");

/** The notebook with the outputs the browser produced, in build/lite-notebooks/. */
function writeExecuted(name, text, run) {
  const nb = JSON.parse(text);
  const byId = new Map(run.cells.map((c) => [c.id, c]));
  for (const cell of nb.cells) {
    const ran = byId.get(cell.id);
    if (cell.cell_type !== "code" || !ran) continue;
    cell.outputs = ran.outputs;
    cell.execution_count = ran.executionCount;
  }
  fs.mkdirSync(executedDir, { recursive: true });
  fs.writeFileSync(path.join(executedDir, name), JSON.stringify(nb, null, 1) + "\n");
}

/**
 * Runs `notebooks` (file names in notebooks/) in the site, one after another in one page, each
 * with a fresh kernel. Builds the site first if its inputs changed.
 * @returns per notebook, the report entry (with `checkLines`, left out of the committed report).
 */
async function runLectures({ notebooks, timeoutSeconds = 600, log = () => {} }) {
  const out = path.join(root, "build", "lite");
  const built = await buildIfStale({ out });
  if (built) log(`built build/lite/ in ${built.seconds.toFixed(1)} s`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`lite: no Chromium at ${CHROMIUM}`);
  const { chromium } = require("playwright-core");
  const server = await serve(out, 0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const results = {};
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    let consoleErrors = [];
    page.on("console", (m) => {
      if (m.type() === "error" && !BENIGN.test(m.text())) consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(`uncaught: ${e.message}`));
    const t0 = Date.now();
    await page.goto(`http://127.0.0.1:${server.address().port}/lab/index.html`);
    await page.waitForFunction(() => window.jupyterapp, null, { timeout: 120000 });
    await page.evaluate(() => window.jupyterapp.restored);
    log(`app ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    for (const name of notebooks) {
      const text = fs.readFileSync(path.join(root, "notebooks", name), "utf8");
      const skip = FAST_SECTIONS_ONLY[name.replace(/\.ipynb$/, "")]?.skip ?? [];
      consoleErrors = [];
      const run = await page.evaluate(runInPage, [name, skip, timeoutSeconds * 1000]);
      const entry = judge(name, text, run, consoleErrors);
      writeExecuted(name, text, run);
      results[name.replace(/\.ipynb$/, "")] = entry;
      log(
        `${entry.status === "pass" ? "ok  " : "FAIL"} ${name}: ${entry.cellsRun}/${entry.codeCells} cells, ` +
          `${entry.checksPassed} checks, ${entry.figuresDrawn}/${entry.figures} figures, ${entry.seconds} s` +
          (entry.tslab
            ? ` (tslab: ${entry.tslab.checksPassed} checks; same lines ${entry.tslab.sameCheckLines}, same figures ${entry.tslab.sameFigures}, max relative difference ${entry.tslab.figureDifference.maxRelative.toPrecision(2)})`
            : "") +
          entry.problems.map((p) => `\n     ${p}`).join(""),
      );
    }
    results.chromium = browser.version();
  } finally {
    await browser.close();
    server.close();
  }
  return results;
}

async function main(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      notebook: { type: "string", multiple: true },
      report: { type: "string", default: "figures/lite.json" },
      timeout: { type: "string", default: "600" },
    },
  });
  const notebooks = selectNotebooks([...(values.notebook ?? []), ...positionals]);
  const results = await runLectures({
    notebooks,
    timeoutSeconds: Number(values.timeout),
    log: (line) => console.log(line),
  });
  const reportFile = path.resolve(root, values.report);
  const previous = fs.existsSync(reportFile)
    ? JSON.parse(fs.readFileSync(reportFile, "utf8")).lectures
    : {};
  const lectures = { ...previous };
  for (const name of notebooks) {
    const stem = name.replace(/\.ipynb$/, "");
    const entry = { ...results[stem] };
    delete entry.checkLines; // in the log, not in the committed report
    lectures[stem] = { ...entry, chromium: results.chromium };
  }
  const report = {
    about:
      "The course in JupyterLite (npm run lite:test): each lecture opened in build/lite/ in Chromium and Run All; test/lite/report.test.ts keeps this fresh.",
    lectures: Object.fromEntries(
      Object.keys(lectures)
        .sort()
        .map((k) => [k, lectures[k]]),
    ),
  };
  fs.writeFileSync(reportFile, JSON.stringify(report, null, 2) + "\n");
  const failed = notebooks.filter((n) => results[n.replace(/\.ipynb$/, "")].status !== "pass");
  console.log(
    `${notebooks.length - failed.length} passed, ${failed.length} failed; wrote ${path.relative(root, reportFile)}`,
  );
  return failed.length ? 1 : 0;
}

module.exports = { runLectures, selectNotebooks, sha256, FAST_SECTIONS_ONLY };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
