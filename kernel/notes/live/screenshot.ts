/// <reference lib="dom" />
/**
 * `node kernel/bin/live-screenshot.js [<figure id> …]`: the README's pictures of the live notes
 * (figures/live-<id>.png). For each live figure named (by default 02-strong-order and 07-train),
 * its lecture is executed (unless build/notebooks/ holds a current copy), its page built with the
 * live figures, opened from file:// in headless Chromium (Debian's, offline), the figure's
 * documented failing setting chosen (for 02-strong-order: Milstein without g′, so the ✗ shows)
 * or its defaults re-run (07-train: trained in the page), and the element photographed.
 */
import path from "path";
import { readLecture } from "../lecture";
import { buildSite, writeSite } from "../site";
import { CHROMIUM, CHROMIUM_ARGS } from "../static-figures";
import { repoRoot } from "../../runner/paths";
import { buildLiveAssets } from "./bundle";
import { executedLecture } from "./executed";
import { liveFigures } from "./figures";

/** What each default picture shows: the failing setting (✗ with why), or a fresh run. */
const DEFAULTS: readonly { id: string; show: "failing" | "defaults" }[] = [
  { id: "02-strong-order", show: "failing" },
  { id: "07-train", show: "defaults" },
];

export async function main(argv: string[]): Promise<number> {
  const root = repoRoot();
  const wanted = argv.filter((a) => !a.startsWith("-"));
  const shots = wanted.length
    ? wanted.map((id) => DEFAULTS.find((d) => d.id === id) ?? { id, show: "failing" as const })
    : DEFAULTS;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const assets = await buildLiveAssets();
  try {
    for (const shot of shots) {
      const spec = liveFigures.find((s) => s.id === shot.id);
      if (!spec) {
        process.stderr.write(`live-screenshot: no live figure ${shot.id}\n`);
        return 2;
      }
      const lecture = readLecture(
        await executedLecture(root, spec.stem, path.join(root, "build", "screenshot", "executed")),
        `build/notebooks/${spec.stem}.ipynb`,
      );
      const site = buildSite([lecture], {
        figuresDir: path.join(root, "figures"),
        live: { specs: liveFigures, assets },
      });
      const dir = path.join(root, "build", "screenshot", spec.stem);
      writeSite(site.files, dir);
      const context = await browser.newContext({
        offline: true,
        viewport: { width: 1100, height: 900 },
      });
      const page = await context.newPage();
      await page.route(
        (url) => !/^(file|data|blob|about):/.test(url.href),
        (route) => route.abort(),
      );
      await page.goto(`file://${path.join(dir, `${spec.stem}.html`)}`);
      // the page's sticky header would sit over the element in a picture of it
      await page.addStyleTag({ content: ".site-header { position: static !important; }" });
      const el = page.locator(`[data-live="${spec.id}"]`);
      await el.scrollIntoViewIfNeeded();
      await page.waitForFunction(
        (id) =>
          document.querySelector(`[data-live="${id}"] figure.plot`)?.classList.contains("drawn"),
        spec.id,
      );
      const params =
        shot.show === "failing"
          ? spec.failing
          : Object.fromEntries(spec.controls.map((c) => [c.name, c.value]));
      await page.evaluate(
        ({ id, params }) => {
          const root = document.querySelector(`[data-live="${id}"]`) as HTMLElement;
          for (const [name, value] of Object.entries(params)) {
            (root.querySelector(`[name="${name}"]`) as HTMLInputElement).value = value;
          }
          root.querySelector("form")?.dispatchEvent(new Event("change", { bubbles: true }));
        },
        { id: spec.id, params },
      );
      await page.waitForFunction(
        (id) =>
          /^(pass|fail)$/.test(
            document.querySelector(`[data-live="${id}"]`)?.getAttribute("data-state") ?? "",
          ),
        spec.id,
        { timeout: 60_000 },
      );
      await page.waitForTimeout(300); // plotly's transition
      const out = path.join(root, "figures", `live-${spec.id}.png`);
      await el.screenshot({ path: out });
      const state = await el.getAttribute("data-state");
      process.stdout.write(
        `live-screenshot: ${path.relative(root, out)} (${shot.show}, state ${state})\n`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return 0;
}
