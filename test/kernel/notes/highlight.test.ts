/** TypeScript highlighting: token classes, exact text, escaping. */
import { highlightTypeScript } from "../../../kernel/notes/highlight";

/** The text a reader sees: tags removed, entities decoded. */
const visible = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
const spans = (html: string, cls: string) =>
  [...html.matchAll(new RegExp(`<span class="tok-${cls}">(.*?)</span>`, "g"))].map((m) =>
    visible(m[1]),
  );

const SAMPLE = `import { show } from "itolab";
const t = \`a \${ {b: 1}.b } c \${d}\`; // </script><!-- not markup
/* block */ let r = /a\\/b/g.test(s) / 2, n = 1.5e-3, big = 10n;
const xs = Array.from({ length: 3 }, (_, k) => k * 2);
type P = Float64Array | null;`;

describe("highlightTypeScript", () => {
  const html = highlightTypeScript(SAMPLE);

  it("shows the code exactly as written", () => {
    expect(visible(html)).toBe(SAMPLE);
  });

  it("classes keywords, strings, templates, comments, numbers, regexes, calls and types", () => {
    expect(spans(html, "kw")).toEqual(
      expect.arrayContaining(["import", "from", "const", "let", "type", "null"]),
    );
    expect(spans(html, "str")).toEqual(['"itolab"']);
    expect(spans(html, "tpl")).toEqual(["`a ${", "} c ${", "}`"]);
    expect(spans(html, "com")).toEqual(["// </script><!-- not markup", "/* block */"]);
    expect(spans(html, "num")).toEqual(expect.arrayContaining(["1", "1.5e-3", "10n", "2", "3"]));
    expect(spans(html, "re")).toEqual(["/a\\/b/g"]);
    expect(spans(html, "fn")).toEqual(["test", "from"]);
    expect(spans(html, "type")).toEqual(["Array", "Float64Array"]);
  });

  it("escapes markup so no </script> or comment reaches the page", () => {
    expect(html).not.toMatch(/<\/script|<!--/);
    expect(html).toContain("&lt;/script&gt;&lt;!--");
  });

  it("rejects a non-string, naming the function", () => {
    expect(() => highlightTypeScript(3 as unknown as string)).toThrow(
      "highlightTypeScript: code must be a string, got number",
    );
  });
});
