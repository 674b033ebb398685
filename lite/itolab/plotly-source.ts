/// <reference lib="dom" />
/**
 * The browser seam for src/plot/plotly-source.ts (lite/build.js substitutes this module for it in
 * the browser build of itolab): the same `plotlyLibrary()`, the same script body, but read from
 * the site's copy of plotly.js (build/plotly-<version>.min.js) by a synchronous request, which a
 * Web Worker may make, instead of from node_modules with fs. So a figure's text/html is the one
 * tslab gives, and a notebook saved from the browser shows its figures in JupyterLab too.
 */
let url: string | null = null;
let cached: { source: string; version: string } | null = null;

/** Where plotly.js is served (set by entry.ts's `attach` from the kernel's options). */
export function setPlotlyUrl(u: string): void {
  url = u;
  cached = null;
}

/**
 * plotly.js as a script body safe to inline in HTML, exactly as src/plot/plotly-source.ts makes
 * it: `</script` written `<\/script`, the UMD wrapper shielded from a page-level module/define.
 * @returns the script body (about 5 MB) and the plotly.js version.
 */
export function plotlyLibrary(): { source: string; version: string } {
  if (cached === null) {
    if (url === null) throw new Error("plotlyLibrary: the kernel has not said where plotly.js is");
    const request = new XMLHttpRequest();
    request.open("GET", url, false);
    request.send();
    if (request.status !== 200) {
      throw new Error(`plotlyLibrary: GET ${url} answered ${request.status}`);
    }
    const raw = request.responseText.replace(/<\/(script)/gi, "<\\/$1");
    const source = `(function (module, exports, define) {\n${raw}\n}).call(window);`;
    cached = { source, version: __PLOTLY_VERSION__ };
  }
  return cached;
}
