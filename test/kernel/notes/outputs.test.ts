/**
 * Outputs: evidence styling, the known output and MIME types, errors naming file and cell for
 * anything else, and no `</script>` or HTML in any payload reaching the page as markup.
 */
import { NotesError } from "../../../kernel/notes/errors";
import { cellFigures } from "../../../kernel/notes/figure-spec";
import { createMarkdown, MarkdownEnv } from "../../../kernel/notes/markdown";
import { renderOutputs } from "../../../kernel/notes/outputs";
import { Slugger } from "../../../kernel/notes/slug";
import { code, lecture, payload, plot, stdout, TITLE } from "./support";

const md = createMarkdown();
const env = (): MarkdownEnv => ({ where: "", macros: {}, slugger: new Slugger(), headings: [] });
const HOSTILE = '</script><script>alert("x")</script><!--<img src=x onerror=alert(1)>';

/** Render the outputs of one code cell (cell 2 of notebook 07-x). */
function render(outputs: Record<string, unknown>[], statics = false): string {
  const l = lecture("07-x", [TITLE, code("c-1", "x;", outputs)]);
  const cell = l.cells[1];
  return renderOutputs(cell, {
    md,
    env: env(),
    figures: cellFigures(l.stem, cell),
    staticUrls: (f) =>
      statics ? { svg: `figures/07-x/${f.name}.svg`, png: `figures/07-x/${f.name}.png` } : null,
  });
}

/** Every `<script …>` element of a fragment: its opening tag and its body. */
const scripts = (html: string) =>
  [...html.matchAll(/<script([^>]*)>(.*?)<\/script>/gs)].map((m) => ({ tag: m[1], body: m[2] }));

describe("renderOutputs", () => {
  it("styles check lines as evidence and keeps other stdout lines as text", () => {
    const html = render([
      stdout("20000 paths\n✓ Var(W_1): 1.0104 vs 1 within 0.0402 (4 SE)\n✗ slope: 2 vs 1\ndone\n"),
    ]);
    expect(html).toContain('<pre class="stdout">20000 paths</pre>');
    expect(html).toContain(
      '<li class="check pass"><span class="mark" aria-label="check held">✓</span> <span class="claim">Var(W_1)</span>: 1.0104 vs 1 within 0.0402 (4 SE)</li>',
    );
    expect(html).toContain(
      '<li class="check fail"><span class="mark" aria-label="check failed">✗</span> <span class="claim">slope</span>: 2 vs 1</li>',
    );
    expect(html).toMatch(/<\/ul>\n<pre class="stdout">done<\/pre>$/);
  });

  it("draws figures from the plotly JSON in a script-safe JSON element, with the static copy", () => {
    const html = render([plot(payload(HOSTILE, 3), `Figure: 3 traces, title ${HOSTILE}`)], true);
    const [json] = scripts(html);
    expect(json.tag).toBe(' type="application/json" class="plot-json"');
    expect(JSON.parse(json.body).layout.title.text).toBe(HOSTILE);
    expect(html).toContain('data-traces="3"');
    expect(html).toContain(
      '<img class="plot-static" src="figures/07-x/c-1-1.svg" alt="Figure: 3 traces, title &lt;/script&gt;',
    );
    expect(html).not.toContain("inlined plotly.js"); // the text/html fallback is never embedded
  });

  it("lets no payload open or close an element: stream, stderr, text/plain, JSON, HTML, markdown", () => {
    const html = render([
      stdout(`${HOSTILE}\n✓ ${HOSTILE}: ok\n`),
      { output_type: "stream", name: "stderr", text: HOSTILE },
      {
        output_type: "execute_result",
        data: { "text/plain": HOSTILE },
        metadata: {},
        execution_count: 1,
      },
      { output_type: "display_data", data: { "application/json": { s: HOSTILE } }, metadata: {} },
      {
        output_type: "display_data",
        data: { "text/html": HOSTILE, "text/plain": "x" },
        metadata: {},
      },
      { output_type: "display_data", data: { "text/markdown": HOSTILE }, metadata: {} },
      plot(payload(HOSTILE), HOSTILE),
    ]);
    expect(scripts(html)).toHaveLength(1); // the figure's JSON only
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<img src=x|<!--|<script>/);
    expect(html).toContain(
      `<iframe class="html-output" sandbox="" title="HTML output" srcdoc="&lt;/script&gt;`,
    );
  });

  it("shows the error of a //| raises cell as the expected outcome", () => {
    const l = lecture("07-x", [
      TITLE,
      code("c-1", "//| raises: RangeError\nf();", [
        {
          output_type: "error",
          ename: "RangeError",
          evalue: "f: <bad> \u001b[1mx\u001b[0m",
          traceback: [],
        },
      ]),
    ]);
    const html = renderOutputs(l.cells[1], { md, env: env(), figures: [], staticUrls: () => null });
    expect(html).toContain(
      '<span class="label">Raises RangeError, as expected</span><pre>RangeError: f: &lt;bad&gt; x</pre>',
    );
  });

  it("rejects an unknown output_type, naming the file, the cell and the output", () => {
    const bad = () => render([stdout("a\n"), { output_type: "widget", data: {} }]);
    expect(bad).toThrow(NotesError);
    expect(bad).toThrow(
      '07-x.ipynb, cell 2 (id c-1): output 2 has unknown output_type "widget" (known: stream, display_data, execute_result, error)',
    );
  });

  it("rejects a bundle with no type the notes can show, and a malformed figure", () => {
    expect(() =>
      render([{ output_type: "display_data", data: { "application/x-thing": 1 }, metadata: {} }]),
    ).toThrow(
      /^07-x\.ipynb, cell 2 \(id c-1\): output 1 has no type the notes can show \(got application\/x-thing; known: /,
    );
    expect(() => render([plot({ data: "nope" })])).toThrow(
      "07-x.ipynb, cell 2 (id c-1): application/vnd.plotly.v1+json output is not a { data: [...] } object",
    );
  });
});
