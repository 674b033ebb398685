import { readFileSync } from "fs";

let cached: { source: string; version: string } | null = null;

/**
 * The plotly.js library (package `plotly.js-dist-min`) as a script body safe to inline in HTML:
 * read on first use and cached for the session; `</script` is written `<\/script` (the same
 * string in JavaScript), and the UMD wrapper is shielded from a page-level `module`/`define` so
 * that it always sets `window.Plotly`.
 * @returns the script body (about 5 MB) and the plotly.js version.
 */
export function plotlyLibrary(): { source: string; version: string } {
  if (cached === null) {
    const main = require.resolve("plotly.js-dist-min");
    const pkg = JSON.parse(
      readFileSync(require.resolve("plotly.js-dist-min/package.json"), "utf8"),
    ) as { version: string };
    const raw = readFileSync(main, "utf8").replace(/<\/(script)/gi, "<\\/$1");
    const source = `(function (module, exports, define) {\n${raw}\n}).call(window);`;
    cached = { source, version: pkg.version };
  }
  return cached;
}
