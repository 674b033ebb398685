/**
 * The HTML shell every page shares: KaTeX's stylesheet and the notes' stylesheet (screen, dark
 * theme and print in one file), a tiny inline script that applies the stored or preferred theme
 * before the first paint, and, on pages with figures, the site's single local copy of plotly.js
 * followed by the notes' script (both deferred, in that order). All links are relative, so the
 * site works from `file://` and from any folder of a web server.
 */
import { escapeHtml } from "./html";

export interface ShellOptions {
  /** Plain-text page title. */
  title: string;
  bodyClass: string;
  /** Site title shown in the header, linking to the outline. */
  siteTitle: string;
  /** The API reference's index page, linked from the header; absent when the site has none. */
  apiIndex?: string;
  /** The notation page, linked from the header beside the API reference; absent when none. */
  notationPage?: string;
  /** Extra header HTML (previous/next links). */
  headerNav?: string;
  /** Whether the page has code cells (shows the fold-code button). */
  hasCode: boolean;
  /** Whether the page has figures (loads plotly.js). */
  hasFigures: boolean;
  /** Scripts deferred after notes.js (site-relative), e.g. the live figures' runtime. */
  extraScripts?: string[];
  aside?: string;
  main: string;
  footer: string;
}

/** Runs before first paint: the stored theme, else the system's; `js` marks scripts as running. */
const THEME_BOOT =
  '(function(){var d=document.documentElement,t=null;d.classList.add("js");' +
  'try{t=localStorage.getItem("itolab-theme")}catch(e){}' +
  'if(t!=="light"&&t!=="dark"){t=window.matchMedia&&matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light"}' +
  'd.setAttribute("data-theme",t)})();';

export function pageShell(o: ShellOptions): string {
  const scripts = [
    o.hasFigures ? '<script defer src="assets/plotly.min.js"></script>' : "",
    '<script defer src="assets/notes.js"></script>',
    ...(o.extraScripts ?? []).map((s) => `<script defer src="${escapeHtml(s)}"></script>`),
  ].filter(Boolean);
  const tools = [
    o.hasCode
      ? '<button type="button" class="tool" data-action="fold-code" aria-pressed="false">Fold code</button>'
      : "",
    '<button type="button" class="tool" data-action="theme">Dark theme</button>',
  ].join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)}</title>
<script>${THEME_BOOT}</script>
<link rel="stylesheet" href="assets/katex/katex.min.css">
<link rel="stylesheet" href="assets/notes.css">
${scripts.join("\n")}
</head>
<body class="${escapeHtml(o.bodyClass)}">
<a class="skip-link" href="#content">Skip to content</a>
<header class="site-header">
<a class="site-title" href="index.html">${escapeHtml(o.siteTitle)}</a>
${o.apiIndex ? `<a class="site-api" href="${escapeHtml(o.apiIndex)}">API reference</a>\n` : ""}${o.notationPage ? `<a class="site-notation" href="${escapeHtml(o.notationPage)}">Notation</a>\n` : ""}${o.headerNav ?? ""}
<div class="tools">${tools}</div>
</header>
<div class="layout">
${o.aside ?? ""}
<main id="content">
${o.main}
</main>
</div>
<footer class="site-footer">${o.footer}</footer>
</body>
</html>
`;
}
