/**
 * The text/html of a bundle really draws: loaded from a file:// page into headless Chromium with
 * the network blocked, every figure gets plotly's `svg.main-svg` and one drawn trace per trace
 * of its JSON. The page holds three figures of one session, the SECOND one first, so it also
 * checks the guard that lets a figure rendered before the inlined plotly.js wait for it. With
 * JavaScript off, the same page shows every figure's static image instead.
 *
 * Driven by playwright-core with Debian's /usr/bin/chromium (~4-5 s, mostly Chromium evaluating
 * the 4.8 MB of plotly.js). Skipped without /usr/bin/chromium, except on CI (CI=true), where
 * .ci/run installs it and its absence is a failure.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { pathToFileURL } from "url";
import {
  bandTrace,
  convergenceFigure,
  figure,
  figureBundle,
  heatmapTrace,
  histogramTrace,
  lineTrace,
  markerTrace,
  resetFigureSession,
} from "../../src/plot";

const chromiumPath = "/usr/bin/chromium";
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function canResolve(id: string): boolean {
  try {
    require.resolve(id);
    return true;
  } catch {
    return false;
  }
}

const hasChromium = existsSync(chromiumPath);
const hasBrowser = (hasChromium && canResolve("playwright-core")) || process.env.CI === "true";

interface Drawn {
  id: string;
  svgs: number;
  traces: number;
}

/** In-page expression: per figure div, its id, its main svgs and its drawn traces. */
const measure = `Array.from(document.querySelectorAll(".itolab-figure")).map(function (el) {
  return {
    id: el.id,
    svgs: el.querySelectorAll("svg.main-svg").length,
    traces: el.querySelectorAll("g.trace, g.hm").length,
  };
})`;

/** Writes the page; returns its path, the expected trace count per figure id, and a cleanup. */
function writePage(): { file: string; expected: Record<string, number>; cleanup: () => void } {
  resetFigureSession();
  const x = new Float64Array([0, 0.5, 1]);
  const figs = [
    figure(
      [
        bandTrace(x, [-1, -0.5, 0], [1, 1.5, 2], { name: "mean ± 2 SE" }),
        lineTrace(x, [0, NaN, 1], { name: "mean" }),
        markerTrace(x, [0.2, 0.4, 0.9]),
        histogramTrace([0.1, 0.2, 0.2, 0.7], { density: true }),
      ],
      { title: { text: "</script> title\u2028 survives" } },
    ),
    convergenceFigure([{ name: "EM", stepSizes: [0.1, 0.05, 0.025], errors: [0.3, 0.21, 0.15] }], {
      referenceOrders: [0.5, 1],
    }),
    figure([heatmapTrace([0, 1], [0, 1, 2], new Float64Array([1, 2, 3, 4, NaN, 6]))]),
  ];
  const bundles = figs.map((f) => figureBundle(f)); // the first one inlines plotly.js
  const expected: Record<string, number> = {};
  for (const b of bundles) {
    const id = (/<div id="([^"]+)"/.exec(b["text/html"]) ?? ["", ""])[1];
    expected[id] = b["application/vnd.plotly.v1+json"].data.length;
  }
  const [first, second, third] = bundles.map((b) => b["text/html"]);
  const page =
    '<!doctype html><html><head><meta charset="utf-8"><title>itolab figures</title></head><body>\n' +
    [second, first, third].join("\n") +
    "\n</body></html>\n";
  const dir = mkdtempSync(join(tmpdir(), "itolab-html-render-"));
  const file = join(dir, "page.html");
  writeFileSync(file, page);
  return { file, expected, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function expectAllDrawn(drawn: Drawn[], expected: Record<string, number>): void {
  expect(drawn.map((d) => d.id).sort()).toEqual(Object.keys(expected).sort());
  for (const d of drawn) {
    expect({ id: d.id, hasSvg: d.svgs > 0, traces: d.traces }).toEqual({
      id: d.id,
      hasSvg: true,
      traces: expected[d.id],
    });
  }
}

/** The small part of playwright-core's API used here (typed locally: it may be absent). */
interface PwRoute {
  abort(): Promise<void>;
}
interface PwPage {
  on(event: "request", listener: (request: { url(): string }) => void): void;
  route(url: RegExp, handler: (route: PwRoute) => Promise<void>): Promise<void>;
  goto(url: string): Promise<unknown>;
  waitForFunction(
    expression: string,
    arg?: unknown,
    options?: { timeout: number },
  ): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
}
interface PwBrowser {
  newContext(options: {
    offline: boolean;
    javaScriptEnabled?: boolean;
  }): Promise<{ newPage(): Promise<PwPage> }>;
  close(): Promise<void>;
}
interface PwModule {
  chromium: { launch(options: { executablePath: string; args: string[] }): Promise<PwBrowser> };
}

describe("figureBundle text/html in headless Chromium, offline", () => {
  (hasBrowser ? it : it.skip)(
    "playwright-core: every figure draws an svg.main-svg with its trace count, no network",
    async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { chromium } = require("playwright-core") as PwModule;
      const { file, expected, cleanup } = writePage();
      const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
      try {
        const context = await browser.newContext({ offline: true });
        const page = await context.newPage();
        const requests: string[] = [];
        page.on("request", (r) => requests.push(r.url()));
        await page.route(/^(https?|wss?|ftp):/, (route) => route.abort());
        await page.goto(pathToFileURL(file).href);
        // On a timeout, measure anyway: the comparison below then names the figure that failed.
        await page
          .waitForFunction(`${measure}.every(function (f) { return f.svgs > 0; })`, undefined, {
            timeout: 4000,
          })
          .catch(() => undefined);
        expectAllDrawn((await page.evaluate(measure)) as Drawn[], expected);
        expect(requests.filter((u) => !/^(file|data|blob):/.test(u))).toEqual([]);
      } finally {
        await browser.close();
        cleanup();
      }
    },
  );

  (hasBrowser ? it : it.skip)(
    "JavaScript off (as where a sanitizer strips scripts): every figure shows its static image",
    async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { chromium } = require("playwright-core") as PwModule;
      const { file, expected, cleanup } = writePage();
      const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
      try {
        const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
        const page = await context.newPage();
        await page.goto(pathToFileURL(file).href);
        const shown = `Array.from(document.querySelectorAll(".itolab-figure")).map(function (el) {
          var img = el.querySelector('img[src^="data:image/svg+xml"]');
          var r = img && img.getBoundingClientRect();
          return { id: el.id, shown: !!img && img.complete && img.naturalWidth > 0 && r.width > 100 && r.height > 50 };
        })`;
        await page
          .waitForFunction(`${shown}.every(function (f) { return f.shown; })`, undefined, {
            timeout: 4000,
          })
          .catch(() => undefined);
        const figures = (await page.evaluate(shown)) as { id: string; shown: boolean }[];
        const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
        expect(figures.sort(byId)).toEqual(
          Object.keys(expected)
            .map((id) => ({ id, shown: true }))
            .sort(byId),
        );
      } finally {
        await browser.close();
        cleanup();
      }
    },
  );
});
