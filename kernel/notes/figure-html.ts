/**
 * A figure in a page: the plotly JSON in a `<script type="application/json">` (script-safe, so
 * no title or trace name can end the element), an empty target that the page script draws into
 * with the site's single plotly.js, and the static SVG that shows where scripts do not run (and in
 * print), with links to the static SVG and PNG.
 */
import { FigureRef } from "./figure-spec";
import { escapeHtml, scriptJson } from "./html";

/** Site-relative URLs of a figure's static copies. */
export interface StaticUrls {
  svg: string;
  png: string;
}

/**
 * @param fig the figure
 * @param statics its static copies in the site, or null when there are none (then the page says
 *   so to readers without scripts)
 */
export function figureHtml(fig: FigureRef, statics: StaticUrls | null): string {
  const alt = escapeHtml(fig.summary);
  const traces = fig.payload.data.length;
  const fallback = statics
    ? `<img class="plot-static" src="${escapeHtml(statics.svg)}" alt="${alt}" width="${fig.width}" height="${fig.height}">\n` +
      `<figcaption class="plot-links">Static copy: <a href="${escapeHtml(statics.svg)}">SVG</a> · <a href="${escapeHtml(statics.png)}">PNG</a></figcaption>\n`
    : `<noscript><p class="plot-missing">${alt} (interactive figure: needs JavaScript)</p></noscript>\n`;
  return (
    `<figure class="plot${statics ? " has-static" : ""}" id="fig-${escapeHtml(fig.name)}" data-traces="${traces}">\n` +
    `<div class="plot-target" role="img" aria-label="${alt}" style="height:${fig.height}px"></div>\n` +
    fallback +
    `<script type="application/json" class="plot-json">${scriptJson(fig.payload)}</script>\n` +
    `</figure>\n`
  );
}
