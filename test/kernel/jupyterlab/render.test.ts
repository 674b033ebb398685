/**
 * JupyterLab renders our outputs: the measuring tools (render-support.ts) and the test page
 * (page/main.ts, JupyterLab 4's rendermime and outputarea bundled by esbuild) on a synthetic
 * executed notebook made by the library's own figureBundle, stored as nbformat stores it (lists
 * of lines): three figures (1, 2 and 1 traces, one a heatmap), two check lines and an error
 * output. In headless Chromium the fixture shows everything in each of the four cases; the same
 * fixture with one figure's static image removed fails the untrusted bare case, naming that
 * figure, and only that case; with one figure's script removed, the trusted bare case. The course
 * itself is rendered by course-render.ts, from test/notebooks.test.ts once the notebooks have run
 * (or here with ITOLAB_JUPYTERLAB_COURSE=1).
 */
import fs from "fs";
import os from "os";
import path from "path";
import type { Browser } from "playwright-core";
import {
  figure,
  figureBundle,
  heatmapTrace,
  histogramTrace,
  lineTrace,
  resetFigureSession,
} from "../../../src/plot";
import { launch, runBrowserTests } from "../notes/browser-support";
import { describeJupyterLabCourse } from "./course-render";
import { buildPages, Pages } from "./page/build-page";
import {
  CASES,
  Case,
  CasePage,
  Cell,
  expected,
  FigureState,
  mathCarriers,
  openCasePage,
  readCells,
  Rendering,
  renderingProblems,
  writeCellsScript,
} from "./render-support";

const PLOTLY_MIME = "application/vnd.plotly.v1+json";
const ERROR_TEXT = "vpSde.std: t must be in [0, T] = [0, 1], got -0.5";

/** A string as nbformat stores it: a list of lines, each keeping its newline. */
const lines = (s: string): string[] => s.match(/[^\n]*\n|[^\n]+$/g) ?? [];

/** The fixture notebook's cells as nbformat stores them. */
function fixtureNotebook(): Record<string, unknown> {
  resetFigureSession(); // the first figure inlines plotly.js, as in a fresh kernel
  const bundles = [
    figureBundle(
      figure([lineTrace([0, 1, 2], [0, 1, 4], { name: "a" })], { title: { text: "A" } }),
    ),
    figureBundle(figure([lineTrace([0, 1], [2, 1]), histogramTrace([1, 2, 2, 3])])),
    figureBundle(figure([heatmapTrace([0, 1, 2], [0, 1], [1, 2, 3, 4, 5, 6])])),
  ];
  const display = (b: (typeof bundles)[number]) => ({
    output_type: "display_data",
    metadata: {},
    data: Object.fromEntries(
      Object.entries(b).map(([mime, v]) => [mime, typeof v === "string" ? lines(v) : v]),
    ),
  });
  const stream = (text: string) => ({ output_type: "stream", name: "stdout", text: lines(text) });
  const code = (id: string, outputs: unknown[]) => ({
    cell_type: "code",
    id,
    metadata: {},
    source: [],
    execution_count: 1,
    outputs,
  });
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      { cell_type: "markdown", id: "intro", metadata: {}, source: ["# Fixture"] },
      code("first", [
        stream("setting up\n✓ first check: 1 = 1 · P(false fail) = 0\n"),
        display(bundles[0]),
      ]),
      code("plots", [
        display(bundles[1]),
        display(bundles[2]),
        stream("✓ second check: 2 = 2 · P(false fail) = 0\n"),
      ]),
      code("fails", [
        {
          output_type: "error",
          ename: "RangeError",
          evalue: ERROR_TEXT,
          traceback: [`\x1b[31mRangeError: ${ERROR_TEXT}\x1b[0m`, "    at cell 3, line 2"],
        },
      ]),
    ],
  };
}

let dir: string;
let cells: Cell[];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "itolab-jupyterlab-"));
  fs.writeFileSync(path.join(dir, "fixture.ipynb"), JSON.stringify(fixtureNotebook()));
  cells = readCells(path.join(dir, "fixture.ipynb"));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The fixture's cells with figure `k` (0-based) changed in its text/html. */
function withHtml(k: number, change: (html: string) => string): Cell[] {
  let seen = -1;
  return cells.map((cell) => ({
    ...cell,
    outputs: cell.outputs.map((out) => {
      if (!out.data?.[PLOTLY_MIME] || ++seen !== k) return out;
      return { ...out, data: { ...out.data, "text/html": change(String(out.data["text/html"])) } };
    }),
  }));
}

describe("reading an executed notebook as Jupyter Server serves it", () => {
  it("keeps code cells only, joins every list of lines but the JSON ones", () => {
    expect(cells.map((c) => c.id)).toEqual(["first", "plots", "fails"]);
    const figureOut = cells[0].outputs[1];
    expect(typeof figureOut.data!["text/html"]).toBe("string");
    expect(String(figureOut.data!["text/html"])).toMatch(
      /<img alt="[^"]*" src="data:image\/svg\+xml;base64,/,
    );
    expect(typeof figureOut.data!["image/svg+xml"]).toBe("string");
    expect(figureOut.data![PLOTLY_MIME]).toMatchObject({ data: [{ name: "a" }] });
    expect(cells[0].outputs[0].text).toBe("setting up\n✓ first check: 1 = 1 · P(false fail) = 0\n");
  });

  it("expects every figure with its trace count, every check line, every error line without colour codes", () => {
    expect(expected(cells)).toEqual({
      figures: [
        { cell: "first", traces: 1 },
        { cell: "plots", traces: 2 },
        { cell: "plots", traces: 1 },
      ],
      checkLines: [
        "✓ first check: 1 = 1 · P(false fail) = 0",
        "✓ second check: 2 = 2 · P(false fail) = 0",
      ],
      errorLines: [`RangeError: ${ERROR_TEXT}`, "at cell 3, line 2"],
    });
  });

  it("finds what would need a typesetter: text/latex, text/markdown, $…$ in text", () => {
    expect(mathCarriers(cells)).toEqual([]);
    const mathy: Cell[] = [
      { id: "a", outputs: [{ output_type: "display_data", data: { "text/latex": "$x$" } }] },
      { id: "b", outputs: [{ output_type: "stream", text: "σ is $\\sigma_t$\n" }] },
      { id: "c", outputs: [{ output_type: "stream", text: "costs $5\nand $6\n" }] },
    ];
    expect(mathCarriers(mathy)).toEqual(["a output 0: text/latex", "b output 0: $…$ in text"]);
  });
});

describe("the verdict on a rendering (renderingProblems)", () => {
  const want = (): ReturnType<typeof expected> => expected(cells);
  const fig = (cell: string, state: Partial<FigureState>): FigureState => ({
    cell,
    renderer: "text/html",
    traces: null,
    image: null,
    waiting: false,
    ...state,
  });
  const ok = (c: Case): Rendering => ({
    figures: [
      ["first", 1],
      ["plots", 2],
      ["plots", 1],
    ].map(([cell, traces]) =>
      c.plotly
        ? fig(String(cell), { renderer: "plotly widget", traces: Number(traces) })
        : c.trusted
          ? fig(String(cell), { traces: Number(traces) })
          : fig(String(cell), { image: { width: 700, height: 420 } }),
    ),
    scripts: {
      plotlyGlobal: c.trusted,
      scriptElements: c.trusted ? 4 : 0,
      plots: c.trusted ? 3 : 0,
    },
    text: want().checkLines.concat(want().errorLines).join("\n"),
    errors: [],
    requests: ["file:///page.html", "data:image/svg+xml;base64,AAAA"],
    ms: 1,
  });
  const [trusted, untrusted, plotly] = CASES;

  it("passes what each case requires", () => {
    for (const c of CASES) expect(renderingProblems(c, want(), ok(c))).toEqual([]);
  });

  it("untrusted, bare: a figure without its shown image, or any sign of a script, fails", () => {
    const r = ok(untrusted);
    r.figures[1] = fig("plots", {});
    expect(renderingProblems(untrusted, want(), r)).toEqual([
      "figure 2 (cell plots): no static image shown",
    ]);
    const ran = ok(untrusted);
    ran.scripts = { plotlyGlobal: true, scriptElements: 1, plots: 1 };
    ran.figures[0] = fig("first", { traces: 1, image: { width: 700, height: 420 } });
    expect(renderingProblems(untrusted, want(), ran)).toEqual([
      "figure 1 (cell first): a plot was drawn (1 traces)",
      "a script ran: window.Plotly is defined",
      "1 <script> elements in outputs",
      "a script ran: 1 .js-plotly-plot on the page",
    ]);
  });

  it("trusted, bare: a missing trace, a leftover image, a waiting script or the image renderer fails", () => {
    const r = ok(trusted);
    r.figures[1] = fig("plots", { traces: 1 });
    r.figures[2] = fig("plots", { traces: null, image: { width: 1, height: 1 }, waiting: true });
    r.figures[0] = fig("first", { renderer: "image/svg+xml", traces: 1 });
    expect(renderingProblems(trusted, want(), r)).toEqual([
      "figure 1 (cell first): rendered by image/svg+xml, not text/html",
      "figure 2 (cell plots): 1 traces drawn, 2 traces expected",
      "figure 3 (cell plots): its script is waiting for plotly.js",
      "figure 3 (cell plots): no plot drawn, 1 traces expected",
      "figure 3 (cell plots): the static image is still shown",
    ]);
  });

  it("with the plotly renderer: a figure drawn by the html instead, missing or extra figures fail", () => {
    const r = ok(plotly);
    r.figures[0] = fig("first", { traces: 1 });
    r.figures.pop();
    expect(renderingProblems(plotly, want(), r)).toEqual([
      "figure 1 (cell first): rendered by text/html, not plotly widget",
      "figure 3 (cell plots): not rendered",
    ]);
    const extra = ok(plotly);
    extra.figures.push(fig("fails", { renderer: "plotly widget", traces: 1 }));
    expect(renderingProblems(plotly, want(), extra)).toEqual([
      "figure 4 (cell fails): rendered, but the notebook has 3 figures",
    ]);
  });

  it("every case: a hidden check or error line, a console error, a remote request fails", () => {
    for (const c of CASES) {
      const r = ok(c);
      r.text = r.text.replace("✓ second check", "second check").replace("at cell 3", "");
      r.errors = ["uncaught: boom"];
      r.requests.push("https://cdn.plot.ly/plotly.min.js");
      expect(renderingProblems(c, want(), r)).toEqual([
        "check line not shown: ✓ second check: 2 = 2 · P(false fail) = 0",
        "error line not shown: at cell 3, line 2",
        "console error: uncaught: boom",
        "requested: https://cdn.plot.ly/plotly.min.js",
      ]);
    }
  });
});

(runBrowserTests ? describe : describe.skip)(
  "the fixture in JupyterLab's code in headless Chromium",
  () => {
    let browser: Browser;
    let pages: Pages;
    const opened = new Map<string, CasePage>();
    const scripts: Record<"whole" | "noImage" | "noScript" | "noLibrary", string> = {
      whole: "",
      noImage: "",
      noScript: "",
      noLibrary: "",
    };

    beforeAll(async () => {
      [pages, browser] = await Promise.all([buildPages("fixture"), launch()]);
      scripts.whole = writeCellsScript(pages.dir, "whole", cells);
      scripts.noImage = writeCellsScript(
        pages.dir,
        "no-image",
        withHtml(1, (h) => h.replace(/<img [^>]*>/, "")),
      );
      scripts.noScript = writeCellsScript(
        pages.dir,
        "no-script",
        withHtml(1, (h) =>
          h.replace(/<script type="text\/javascript">\n\(function[\s\S]*?<\/script>/, ""),
        ),
      );
      scripts.noLibrary = writeCellsScript(
        pages.dir,
        "no-library",
        withHtml(0, (h) =>
          h.replace(/<script [^>]*class="itolab-plotly-js">[\s\S]*?<\/script>/, ""),
        ),
      );
      for (const c of CASES) opened.set(c.name, await openCasePage(browser, pages, c));
    }, 120_000);

    afterAll(async () => {
      for (const p of opened.values()) await p.close();
      await browser?.close();
      if (pages) fs.rmSync(pages.dir, { recursive: true, force: true });
    });

    const render = (c: Case, script: string, timeoutMs = 30_000) =>
      opened.get(c.name)!.render(script, expected(cells), timeoutMs);

    it.each(CASES.map((c) => [c.name, c] as const))(
      "%s: every figure, check line and error line shown, nothing else requested",
      async (_name, c) => {
        const r = await render(c, scripts.whole);
        expect(renderingProblems(c, expected(cells), r)).toEqual([]);
        expect(r.figures.map((f) => f.traces)).toEqual(
          c.plotly || c.trusted ? [1, 2, 1] : [null, null, null],
        );
        if (!c.plotly && !c.trusted) {
          for (const f of r.figures) expect(f.image!.width).toBeGreaterThan(100);
        }
      },
      60_000,
    );

    it("a figure without its static image fails the untrusted bare case, naming it, and no other", async () => {
      expect(scripts.noImage).not.toBe(scripts.whole);
      const verdicts: Record<string, string[]> = {};
      for (const c of CASES) {
        verdicts[c.name] = renderingProblems(
          c,
          expected(cells),
          await render(c, scripts.noImage, 10_000),
        );
      }
      expect(verdicts).toEqual({
        [CASES[0].name]: [],
        [CASES[1].name]: ["figure 2 (cell plots): no static image shown"],
        [CASES[2].name]: [],
        [CASES[3].name]: [],
      });
    }, 120_000);

    it("a figure without its script fails the trusted bare case, naming it", async () => {
      const [trusted, untrusted] = CASES;
      const r = await render(trusted, scripts.noScript, 3_000);
      expect(renderingProblems(trusted, expected(cells), r)).toEqual([
        "figure 2 (cell plots): no plot drawn, 2 traces expected",
        "figure 2 (cell plots): the static image is still shown",
      ]);
      expect(
        renderingProblems(untrusted, expected(cells), await render(untrusted, scripts.noScript)),
      ).toEqual([]);
    }, 60_000);

    it("without plotly.js inlined in the first figure, every figure waits with its image: trusted bare fails", async () => {
      const trusted = CASES[0];
      const r = await render(trusted, scripts.noLibrary, 3_000);
      expect(renderingProblems(trusted, expected(cells), r)).toEqual(
        ["first", "plots", "plots"].flatMap((cell, i) => [
          `figure ${i + 1} (cell ${cell}): its script is waiting for plotly.js`,
          `figure ${i + 1} (cell ${cell}): no plot drawn, ${[1, 2, 1][i]} traces expected`,
          `figure ${i + 1} (cell ${cell}): the static image is still shown`,
        ]),
      );
    }, 60_000);
  },
);

if (process.env.ITOLAB_JUPYTERLAB_COURSE === "1") describeJupyterLabCourse();
