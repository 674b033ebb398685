/**
 * A code cell's outputs as HTML. Streams: stdout lines of checks (`✓ …` when a check held, `✗ …`)
 * become evidence items, other lines stay preformatted text; stderr is shown apart. Rich outputs
 * take the first type the notes know, in this order: plotly figure, markdown, SVG, PNG/JPEG/GIF,
 * HTML (in a sandboxed frame without scripts: no payload can touch the page), JSON, plain text.
 * An output of another type, or a bundle with none of these, is an error naming file and cell.
 */
import type MarkdownIt from "markdown-it";
import { notesError } from "./errors";
import { FigureRef, PLOTLY_MIME } from "./figure-spec";
import { figureHtml, StaticUrls } from "./figure-html";
import { escapeHtml, stripAnsi } from "./html";
import { LectureCell, streamText } from "./lecture";
import { MarkdownEnv, renderMarkdown } from "./markdown";

export interface OutputContext {
  md: MarkdownIt.MarkdownIt;
  /** The page's markdown env; `where` is set to the cell's. */
  env: MarkdownEnv;
  /** The cell's figures, in output order (from cellFigures). */
  figures: FigureRef[];
  /** Static copies of a figure in the site, or null. */
  staticUrls: (fig: FigureRef) => StaticUrls | null;
  /** Wraps a figure's HTML (a live figure's controls and checks, ./live/html.ts); default none. */
  wrapFigure?: (fig: FigureRef, html: string) => string;
}

const KNOWN_OUTPUTS = ["stream", "display_data", "execute_result", "error"];
const IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif"];
const text = (v: unknown): string => (Array.isArray(v) ? v.join("") : String(v ?? ""));

/** One evidence line: `✓ claim: details`, the claim emphasised. */
export function evidenceItem(line: string): string {
  const pass = line.startsWith("✓ ");
  const body = line.slice(2);
  const colon = body.indexOf(": ");
  const claim = colon > 0 ? body.slice(0, colon) : body;
  const rest = colon > 0 ? body.slice(colon) : "";
  return (
    `<li class="check ${pass ? "pass" : "fail"}"><span class="mark" aria-label="${pass ? "check held" : "check failed"}">${pass ? "✓" : "✗"}</span> ` +
    `<span class="claim">${escapeHtml(claim)}</span>${escapeHtml(rest)}</li>`
  );
}

/** stdout: runs of plain lines as `<pre>`, runs of check lines as an evidence list. */
function renderStdout(content: string): string {
  const lines = content.replace(/\n$/, "").split("\n");
  const blocks: string[] = [];
  let plain: string[] = [];
  let checks: string[] = [];
  const flush = () => {
    if (plain.length) blocks.push(`<pre class="stdout">${escapeHtml(plain.join("\n"))}</pre>`);
    if (checks.length) blocks.push(`<ul class="evidence">${checks.join("")}</ul>`);
    plain = [];
    checks = [];
  };
  for (const line of lines) {
    const isCheck = line.startsWith("✓ ") || line.startsWith("✗ ");
    if (isCheck && plain.length) flush();
    if (!isCheck && checks.length) flush();
    if (isCheck) checks.push(evidenceItem(line));
    else plain.push(line);
  }
  flush();
  return blocks.join("\n");
}

/** A display_data / execute_result bundle. */
function renderBundle(cell: LectureCell, k: number, data: unknown, ctx: OutputContext): string {
  if (typeof data !== "object" || data === null) {
    throw notesError(cell.where, `output ${k} has no data bundle`);
  }
  const d = data as Record<string, unknown>;
  if (PLOTLY_MIME in d) {
    const fig = ctx.figures.shift();
    if (!fig) throw notesError(cell.where, `output ${k}: figure list out of step with outputs`);
    const html = figureHtml(fig, ctx.staticUrls(fig));
    return ctx.wrapFigure ? ctx.wrapFigure(fig, html) : html;
  }
  if ("text/markdown" in d) {
    return `<div class="md-output">${renderMarkdown(ctx.md, text(d["text/markdown"]), ctx.env)}</div>`;
  }
  if ("image/svg+xml" in d) {
    const svg = Buffer.from(text(d["image/svg+xml"]), "utf8").toString("base64");
    return `<img class="image-output" alt="" src="data:image/svg+xml;base64,${svg}">`;
  }
  const image = IMAGE_TYPES.find((t) => t in d);
  if (image) {
    const b64 = text(d[image]).replace(/\s+/g, "");
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) {
      throw notesError(cell.where, `output ${k}: ${image} is not base64`);
    }
    return `<img class="image-output" alt="" src="data:${image};base64,${b64}">`;
  }
  if ("text/html" in d) {
    return `<iframe class="html-output" sandbox="" title="HTML output" srcdoc="${escapeHtml(text(d["text/html"]))}"></iframe>`;
  }
  if ("application/json" in d) {
    return `<pre class="result">${escapeHtml(JSON.stringify(d["application/json"], null, 2))}</pre>`;
  }
  if ("text/plain" in d) return `<pre class="result">${escapeHtml(text(d["text/plain"]))}</pre>`;
  throw notesError(
    cell.where,
    `output ${k} has no type the notes can show (got ${Object.keys(d).join(", ") || "none"}; ` +
      `known: ${[PLOTLY_MIME, "text/markdown", "image/svg+xml", ...IMAGE_TYPES, "text/html", "application/json", "text/plain"].join(", ")})`,
  );
}

/** The error an `//| raises` cell threw, shown as the expected outcome. */
function renderExpectedError(out: Record<string, unknown>): string {
  const message = stripAnsi(`${text(out.ename)}: ${text(out.evalue)}`);
  return (
    `<div class="expected-error"><span class="label">Raises ${escapeHtml(text(out.ename))}, as expected</span>` +
    `<pre>${escapeHtml(message)}</pre></div>`
  );
}

/**
 * The HTML of a code cell's outputs.
 * @param cell the cell (its `where` names it in errors)
 * @param ctx markdown renderer, page env, the cell's figures and their static copies
 */
export function renderOutputs(cell: LectureCell, ctx: OutputContext): string {
  ctx.env.where = cell.where;
  return cell.outputs
    .map((out, i) => {
      const k = i + 1;
      if (typeof out !== "object" || out === null || !KNOWN_OUTPUTS.includes(out.output_type)) {
        const type = typeof out === "object" && out !== null ? out.output_type : out;
        throw notesError(
          cell.where,
          `output ${k} has unknown output_type ${JSON.stringify(type)} (known: ${KNOWN_OUTPUTS.join(", ")})`,
        );
      }
      switch (out.output_type) {
        case "stream":
          return out.name === "stderr"
            ? `<pre class="stderr">${escapeHtml(stripAnsi(streamText(out)))}</pre>`
            : renderStdout(streamText(out));
        case "error":
          return renderExpectedError(out);
        default:
          return renderBundle(cell, k, out.data, ctx);
      }
    })
    .join("\n");
}
