/** Headless Chromium for the notes tests (not a test file): launch, offline pages, skip rules. */
import fs from "fs";
import http from "http";
import path from "path";
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

/**
 * A plain static server of `dir` on 127.0.0.1 (a free port): the notes as a web host serves
 * them. Returns its origin, the pattern of URLs a page may request (the server, data:, blob:,
 * about:) and `close`.
 */
export async function serveDir(
  dir: string,
): Promise<{ origin: string; allow: RegExp; close: () => void }> {
  const types: Record<string, string> = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".woff2": "font/woff2",
  };
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent((req.url ?? "/").split("?")[0]));
    if (
      !file.startsWith(dir + path.sep) ||
      !fs.existsSync(file) ||
      fs.statSync(file).isDirectory()
    ) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const allow = new RegExp(`^(${origin.replace(/[.]/g, "\\.")}/|data:|blob:|about:)`);
  return { origin, allow, close: () => server.close() };
}
