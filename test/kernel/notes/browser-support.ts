/** Headless Chromium for the notes tests (not a test file): launch, offline pages, skip rules. */
import fs from "fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../../../kernel/notes/static-figures";

/** Run browser tests? Skipped only off CI when Chromium is missing; on CI a missing one fails. */
export const hasChromium = fs.existsSync(CHROMIUM);
export const runBrowserTests = hasChromium || process.env.CI === "true";

export async function launch(): Promise<Browser> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** What a page did: console errors, uncaught exceptions, and every URL it requested. */
export interface PageLog {
  errors: string[];
  requests: string[];
}

/** A page in an offline context whose every non-file request is aborted (and logged). */
export async function offlinePage(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; allow?: RegExp } = {},
): Promise<{ context: BrowserContext; page: Page; log: PageLog }> {
  const allow = options.allow ?? /^(file|data|blob|about):/;
  const context = await browser.newContext({
    offline: options.allow === undefined,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const log: PageLog = { errors: [], requests: [] };
  page.on("console", (m) => {
    if (m.type() === "error") log.errors.push(m.text());
  });
  page.on("pageerror", (e) => log.errors.push(`uncaught: ${e.message}`));
  page.on("request", (r) => log.requests.push(r.url()));
  await page.route(
    (url) => !allow.test(url.href),
    (route) => route.abort(),
  );
  return { context, page, log };
}

/** In-page: per figure, its id, traces expected, main svgs and drawn traces. */
export const MEASURE_FIGURES = `Array.from(document.querySelectorAll("figure.plot")).map(function (el) {
  return {
    id: el.id,
    expected: Number(el.getAttribute("data-traces")),
    drawn: el.classList.contains("drawn"),
    hasSvg: el.querySelectorAll(".plot-target svg.main-svg").length > 0,
    traces: el.querySelectorAll(".plot-target g.trace, .plot-target g.hm").length,
  };
})`;

/** In-page: pairs of dollars left in the prose (outside code, scripts and rendered math). */
export const RAW_MATH = `(function () {
  var body = document.body.cloneNode(true);
  body.querySelectorAll("pre, code, script, .katex, figure, iframe").forEach(function (n) { n.remove(); });
  return body.textContent.match(/\\$[^$\\n]+\\$/g) || [];
})()`;
