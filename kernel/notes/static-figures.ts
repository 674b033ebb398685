/**
 * Static copies of every figure: `figures/<notebook>/<cell id>-<n>.svg` and `.png` (2× scale),
 * drawn from the figure's plotly JSON by plotly.js's `toImage` in headless Chromium
 * (playwright-core driving Debian's /usr/bin/chromium, offline). Only figures whose JSON changed
 * since the manifest was written are drawn again; plotly's random ids come from a seeded
 * generator reset for each figure, so the same figure gives the same bytes. Files of figures that
 * no longer exist are removed.
 */
import fs from "fs";
import path from "path";
import { notesError } from "./errors";
import {
  currentStatic,
  FigureRef,
  Manifest,
  manifestKey,
  readManifest,
  writeFileAtomic,
  writeManifest,
} from "./figure-spec";

export const CHROMIUM = process.env.ITOLAB_CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** In-page renderer: Math.random seeded per figure (plotly's uids), svg and png data URLs. */
const RENDERER = `
window.__itolabRender = async function (fig, width, height) {
  var s = 0x2545f491;
  Math.random = function () {
    s = (s + 0x6d2b79f5) | 0;
    var t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  var spec = { data: fig.data, layout: Object.assign({}, fig.layout, { width: width, height: height, autosize: false }),
               config: Object.assign({}, fig.config, { responsive: false }) };
  var svg = await Plotly.toImage(spec, { format: "svg", width: width, height: height });
  var png = await Plotly.toImage(spec, { format: "png", width: width, height: height, scale: 2 });
  return { svg: svg, png: png };
};`;

export interface StaticReport {
  rendered: number;
  kept: number;
  removed: number;
  ms: number;
}

/** The bytes of a data: URL (base64 or percent-encoded). */
function dataUrlBytes(url: string, what: string): Buffer {
  const m = /^data:[^,;]+(;base64)?,(.*)$/s.exec(url);
  if (!m) throw new Error(`static figures: ${what} is not a data URL`);
  return m[1] ? Buffer.from(m[2], "base64") : Buffer.from(decodeURIComponent(m[2]), "utf8");
}

/**
 * Bring `figuresDir` up to date with `figures`.
 * @param figures every figure of the notebooks being published
 * @param figuresDir the figures folder (figures/)
 * @param opts force: draw every figure again; prune: folders of notebooks not in `figures` are
 *   removed too (set when `figures` is the whole course)
 */
export async function renderStaticFigures(
  figures: FigureRef[],
  figuresDir: string,
  opts: { force?: boolean; prune?: boolean } = {},
): Promise<StaticReport> {
  const t0 = Date.now();
  const old = readManifest(figuresDir);
  const manifest: Manifest = {};
  const stale = figures.filter((f) => opts.force || !currentStatic(figuresDir, old, f));
  for (const f of figures) if (!stale.includes(f)) manifest[manifestKey(f)] = old[manifestKey(f)];
  if (stale.length > 0) {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(
        `static figures: no Chromium at ${CHROMIUM} (apt-get install chromium, or set ITOLAB_CHROMIUM)`,
      );
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { chromium } = require("playwright-core") as typeof import("playwright-core");
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ offline: true });
      const page = await context.newPage();
      await page.route(/^(https?|wss?|ftp):/, (route) => route.abort());
      await page.setContent("<!doctype html><html><body></body></html>");
      await page.addScriptTag({ path: require.resolve("plotly.js-dist-min") });
      await page.addScriptTag({ content: RENDERER });
      for (const f of stale) {
        let out: { svg: string; png: string };
        try {
          out = (await page.evaluate(
            `window.__itolabRender(${JSON.stringify(f.payload)}, ${f.width}, ${f.height})`,
          )) as { svg: string; png: string };
        } catch (err) {
          throw notesError(
            f.cell.where,
            `figure ${f.name} cannot be drawn: ${(err as Error).message}`,
          );
        }
        const base = path.join(figuresDir, f.stem, f.name);
        writeFileAtomic(`${base}.svg`, dataUrlBytes(out.svg, `${f.name}.svg`));
        writeFileAtomic(`${base}.png`, dataUrlBytes(out.png, `${f.name}.png`));
        manifest[manifestKey(f)] = { sha256: f.hash };
      }
    } finally {
      await browser.close();
    }
  }
  const removed = prune(figuresDir, figures, old, manifest, opts.prune ?? false);
  writeManifest(figuresDir, manifest);
  return {
    rendered: stale.length,
    kept: figures.length - stale.length,
    removed,
    ms: Date.now() - t0,
  };
}

/** Remove static files (and manifest entries) of figures that are gone; returns files removed. */
function prune(
  figuresDir: string,
  figures: FigureRef[],
  old: Manifest,
  manifest: Manifest,
  allNotebooks: boolean,
): number {
  const stems = new Set(figures.map((f) => f.stem));
  const keep = new Set(figures.map((f) => manifestKey(f)));
  // entries of notebooks not published this time survive unless the whole course was given
  for (const key of Object.keys(old)) {
    if (!allNotebooks && !stems.has(key.split("/")[0])) manifest[key] = old[key];
  }
  let removed = 0;
  if (!fs.existsSync(figuresDir)) return 0;
  for (const dir of fs.readdirSync(figuresDir, { withFileTypes: true })) {
    if (!dir.isDirectory() || (!allNotebooks && !stems.has(dir.name))) continue;
    const folder = path.join(figuresDir, dir.name);
    for (const file of fs.readdirSync(folder)) {
      const m = /^(.*)\.(svg|png)$/.exec(file);
      if (m && !keep.has(`${dir.name}/${m[1]}`)) {
        fs.rmSync(path.join(folder, file));
        removed += 1;
      }
    }
    if (fs.readdirSync(folder).length === 0) fs.rmdirSync(folder);
  }
  return removed;
}
