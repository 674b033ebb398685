import { createHash } from "crypto";
import type { Data } from "plotly.js";
import {
  figure,
  figureBundle,
  figureSvg,
  histogramTrace,
  lineTrace,
  resetFigureSession,
  scriptSafeJson,
} from "../../src/plot";
import { plotlyLibrary } from "../../src/plot/plotly-source";

const plotlyMime = "application/vnd.plotly.v1+json";
const libraryMarker = `/* plotly.js ${plotlyLibrary().version}, inlined once per kernel session`;

/** The element id of a bundle's html. */
const idOf = (html: string): string => (/<div id="([^"]+)"/.exec(html) ?? ["", ""])[1];
/** The JSON text the draw script embeds after `var fig = `. */
const embeddedJson = (html: string): string =>
  (/\n {2}var fig = (.*);\n/.exec(html) ?? ["", ""])[1];
const sha = (s: string): string => createHash("sha256").update(s).digest("hex");
/** The static image of a bundle's html: its alt text and the SVG its data URI holds. */
const imageOf = (html: string): { alt: string; svg: string } | null => {
  const m = /<img alt="([^"]*)" src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)"/.exec(html);
  return m && { alt: m[1], svg: Buffer.from(m[2], "base64").toString("utf8") };
};
/** The html without its image's data URI (the markup around it). */
const markup = (html: string): string =>
  html.replace(/data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+/g, "");

const figA = (): ReturnType<typeof figure> =>
  figure([lineTrace([0, 1], [1, 2], { name: "a" })], { title: { text: "A" } });
const figB = (): ReturnType<typeof figure> =>
  figure([lineTrace([0, 1], [2, 1]), histogramTrace([1, 2, 2])]);

beforeEach(() => resetFigureSession());

describe("figureBundle", () => {
  test("has exactly the four MIME types; the plotly one is a JSON object, not a string", () => {
    const bundle = figureBundle(figA());
    expect(Object.keys(bundle).sort()).toEqual([
      plotlyMime,
      "image/svg+xml",
      "text/html",
      "text/plain",
    ]);
    const payload = bundle[plotlyMime];
    expect(typeof payload).toBe("object");
    expect(Object.keys(payload).sort()).toEqual(["config", "data", "layout"]);
    expect(payload.data).toEqual(figA().data);
    expect(payload.layout).toEqual(figA().layout);
    expect(payload.config).toEqual({ responsive: true, displaylogo: false });
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
    expect(typeof bundle["text/html"]).toBe("string");
  });

  test("a figure's own config overrides the defaults", () => {
    const payload = figureBundle({ ...figA(), config: { responsive: false, scrollZoom: true } })[
      plotlyMime
    ];
    expect(payload.config).toEqual({ responsive: false, displaylogo: false, scrollZoom: true });
  });

  test("typed arrays and NaN in a hand-made figure become arrays and null in every MIME type", () => {
    const raw = { type: "scatter", x: new Float64Array([0, 1]), y: new Float64Array([NaN, 1]) };
    const bundle = figureBundle({ data: [raw as unknown as Data], layout: {} });
    expect(bundle[plotlyMime].data).toEqual([{ type: "scatter", x: [0, 1], y: [null, 1] }]);
    expect(embeddedJson(bundle["text/html"])).toContain('"x":[0,1],"y":[null,1]');
  });

  test("text/plain is a one-line summary with trace count, types and title", () => {
    expect(figureBundle(figA())["text/plain"]).toBe('Figure: 1 trace (scatter), title "A"');
    expect(figureBundle(figB())["text/plain"]).toBe("Figure: 2 traces (scatter, histogram)");
    const multiline = figure([lineTrace([0], [0])], { title: { text: "two\nlines" } });
    const text = figureBundle(multiline)["text/plain"];
    expect(text).toBe('Figure: 1 trace (scatter), title "two lines"');
    expect(text).not.toContain("\n");
  });

  test("</script> and U+2028/U+2029 in a title are harmless in the html and intact in the JSON", () => {
    const title = "evil </script><script>alert(1)</script> & <b>x</b>\u2028line\u2029para";
    const bundle = figureBundle(figure([lineTrace([0], [0])], { title: { text: title } }));
    const html = bundle["text/html"];
    // Only our own script tags close: the library, then the draw script.
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html.match(/<script/gi)).toHaveLength(2);
    expect(html).not.toContain("alert(1)</script>");
    expect(html).not.toMatch(/[\u2028\u2029]/);
    const json = embeddedJson(html);
    expect(json).toContain("\\u003c/script\\u003e");
    expect(json).toContain("\\u2028line\\u2029para");
    expect(JSON.parse(json).layout.title.text).toBe(title);
    expect(json).toBe(scriptSafeJson(bundle[plotlyMime]));
    expect(bundle[plotlyMime].layout.title?.text).toBe(title);
  });

  test("plotly.js is inlined in the session's first figure only, never from a CDN", () => {
    const { source } = plotlyLibrary();
    const first = figureBundle(figA())["text/html"];
    const second = figureBundle(figB())["text/html"];
    const third = figureBundle(figA())["text/html"];
    expect(first.includes(source)).toBe(true);
    expect(first.split(libraryMarker)).toHaveLength(2); // exactly once
    expect(first.length).toBeGreaterThan(source.length);
    for (const later of [second, third]) {
      expect(later.includes(libraryMarker)).toBe(false);
      expect(markup(later).length).toBeLessThan(5000); // the figure, its image and draw script
      expect(later).toContain("window.Plotly.newPlot(el, fig.data, fig.layout, fig.config)");
      // The guard: a figure drawn before the library waits for it instead of failing.
      expect(later).toContain('window.addEventListener("itolab:plotly-ready", draw');
    }
    expect(first).toContain('window.dispatchEvent(new Event("itolab:plotly-ready"))');
    // Our markup around the library loads nothing from the network (no src=, no URL at all).
    const ours = markup(first.replace(source, "") + second);
    expect(ours.length).toBeLessThan(10000);
    expect(ours).not.toMatch(/<script[^>]+src=/i);
    expect(ours).not.toMatch(/https?:|\/\/cdn/i);
  });

  test("includePlotlyJs overrides the session default either way", () => {
    expect(figureBundle(figA(), { includePlotlyJs: false })["text/html"]).not.toContain(
      libraryMarker,
    );
    expect(figureBundle(figA())["text/html"]).toContain(libraryMarker); // still the first inlining
    expect(figureBundle(figA(), { includePlotlyJs: true })["text/html"]).toContain(libraryMarker);
    expect(figureBundle(figA())["text/html"]).not.toContain(libraryMarker);
  });

  test("element ids are deterministic: a counter plus a hash of the figure, the same on a rerun", () => {
    const run = (): string[] => [figA(), figB(), figA()].map((f) => figureBundle(f)["text/html"]);
    const firstRun = run();
    resetFigureSession(); // a fresh kernel session
    const secondRun = run();
    expect(secondRun.map(sha)).toEqual(firstRun.map(sha)); // identical outputs, megabytes included
    const ids = firstRun.map(idOf);
    expect(ids[0]).toMatch(/^itolab-figure-1-[0-9a-f]{8}$/);
    expect(ids[1]).toMatch(/^itolab-figure-2-[0-9a-f]{8}$/);
    expect(ids[2]).toMatch(/^itolab-figure-3-[0-9a-f]{8}$/);
    expect(ids[2].slice(-8)).toBe(ids[0].slice(-8)); // same figure, same hash
    expect(ids[1].slice(-8)).not.toBe(ids[0].slice(-8));
    for (const [k, html] of firstRun.entries()) {
      expect(html).toContain(`var id = "${ids[k]}";`); // the script draws into its own div
    }
  });

  test("the html's div holds the static image (alt: the summary) that the script replaces", () => {
    const bundle = figureBundle(figA(), { includePlotlyJs: false });
    const html = bundle["text/html"];
    const image = imageOf(html);
    expect(image).not.toBeNull();
    expect(image!.alt).toBe("Figure: 1 trace (scatter), title &#34;A&#34;");
    expect(image!.svg).toBe(bundle["image/svg+xml"]); // the same drawing in both entries
    expect(bundle["image/svg+xml"]).toBe(figureSvg(figA())); // the library's static renderer
    expect(bundle["image/svg+xml"]).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    // inside the figure's own div, before the script that clears it and draws
    expect(html).toMatch(
      /<div id="[^"]+" class="itolab-figure" style="[^"]*"><img [^>]+><\/div>\n<script/,
    );
    expect(html).toContain('el.textContent = "";');
    // no script, no inline svg and no URL that a sanitizer would strip from the image
    expect(image!.svg).not.toMatch(/<script|<foreignObject|https?:\/\/(?!www\.w3\.org)/);
  });

  test("the div takes the layout's height and width", () => {
    const html = figureBundle(figure([lineTrace([0], [0])], { height: 300, width: 500 }), {
      includePlotlyJs: false,
    })["text/html"];
    expect(html).toContain('style="width:500px;height:300px;"');
  });

  test.each([
    ["null", null, "figureBundle: fig must be a { data, layout } figure, got null"],
    ["a string", "fig", 'figureBundle: fig must be a { data, layout } figure, got "fig"'],
    [
      "no data array",
      { data: 1, layout: {} },
      "figureBundle: fig must be a { data, layout } figure, got an object",
    ],
  ])("bad input: %s", (_label, fig, message) => {
    expect(() => figureBundle(fig as never)).toThrow(TypeError);
    expect(() => figureBundle(fig as never)).toThrow(message);
  });

  test("bad input: includePlotlyJs must be a boolean", () => {
    expect(() => figureBundle(figA(), { includePlotlyJs: 1 as never })).toThrow(
      new TypeError("figureBundle: options.includePlotlyJs must be a boolean, got 1"),
    );
  });
});
