import fc from "fast-check";
import { inflateSync } from "zlib";
import type { Data } from "plotly.js";
import {
  animatedFigure,
  bandTrace,
  convergenceFigure,
  figure,
  figureSvg,
  heatmapTrace,
  histogramTrace,
  lineTrace,
  markerTrace,
  type Figure,
} from "../../src/plot";

/** Tags of an XML document balance, attributes are quoted, every `&` starts an entity. */
function wellFormed(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(xml); m !== null; m = tag.exec(xml)) {
    const text = xml.slice(last, m.index);
    if (/[<>]/.test(text)) problems.push(`stray markup before ${m[0].slice(0, 40)}`);
    if (/&(?!#\d+;|[a-z]+;)/.test(text + m[3])) problems.push(`bare & near ${m[0].slice(0, 40)}`);
    last = tag.lastIndex;
    if (m[1]) {
      if (stack.pop() !== m[2]) problems.push(`unbalanced </${m[2]}>`);
    } else if (!m[4]) stack.push(m[2]);
  }
  if (xml.slice(last).trim() !== "") problems.push("text after the root element");
  if (stack.length) problems.push(`unclosed ${stack.join(", ")}`);
  return problems;
}

/** A bare figure (no theme), its plot area 200 × 100 px at (50, 50). */
const bare = (data: object[], layout: object = {}): Figure => ({
  data: data as Data[],
  layout: { width: 300, height: 200, margin: { l: 50, r: 50, t: 50, b: 50 }, ...layout },
});

describe("figureSvg", () => {
  test("maps data to pixels over the plot area: (0, 0) bottom left, (1, 1) top right", () => {
    const svg = figureSvg(
      bare([{ type: "scatter", mode: "lines", x: [0, 1], y: [0, 1] }], {
        xaxis: { range: [0, 1] },
        yaxis: { range: [0, 1] },
      }),
    );
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* width="300" height="200" viewBox="0 0 300 200"/,
    );
    expect(svg).toContain('<path d="M50 150l200-100" fill="none" stroke="#1f77b4"');
    expect(wellFormed(svg)).toEqual([]);
  });

  test("gaps break the line; markers are one zero-length round stroke per point", () => {
    const svg = figureSvg(
      bare([{ type: "scatter", mode: "lines+markers", x: [0, 1, 2, 3], y: [0, null, 1, 1] }], {
        xaxis: { range: [0, 3] },
        yaxis: { range: [0, 1] },
      }),
    );
    expect(svg).toContain('d="M50 150M183.3 50l66.7 0"'); // a lone point, then a segment
    expect(svg).toMatch(
      /d="M50 150h0M183\.3 50h0M250 50h0" stroke="#1f77b4" stroke-width="6" stroke-linecap="round"/,
    );
  });

  test("the theme's look: title, axis titles, tick labels, legend names, escaped text", () => {
    const fig = figure(
      [
        lineTrace([0, 1], [0, 2], { name: "a < b & c" }),
        lineTrace([0, 1], [1, 0], { name: "second" }),
      ],
      {
        title: { text: "Var(W_t) <b>" },
        xaxis: { title: { text: "t" } },
        yaxis: { title: { text: "σ²" } },
      },
    );
    const svg = figureSvg(fig);
    expect(wellFormed(svg)).toEqual([]);
    for (const text of [
      "Var(W_t) &#60;b&#62;",
      ">t<",
      ">σ²<",
      "a &#60; b &#38; c",
      ">second<",
      ">0.5<",
      ">1.5<",
    ]) {
      expect(svg).toContain(text);
    }
    expect(svg).toContain('font-family="Source Sans Pro, Helvetica Neue, Arial, sans-serif"');
    expect(svg).toContain('stroke="#0072B2"'); // the course palette, in trace order
    expect(svg).toContain('stroke="#D55E00"');
  });

  test("log axes: decades labelled 10ⁿ in power format", () => {
    const svg = figureSvg(
      convergenceFigure([
        { name: "EM", stepSizes: [0.1, 0.01, 0.001], errors: [1e-1, 1e-2, 1e-3] },
      ]),
    );
    expect(svg).toContain(">10⁻²<");
    expect(svg).toContain(">0.01<"); // the x axis keeps plotly's default format
  });

  test("histograms: one rectangle per non-empty bin, from 0 up", () => {
    const svg = figureSvg(
      bare([histogramTrace([0.1, 0.2, 0.2, 0.7], { bins: 2, range: [0, 1] })], {
        yaxis: { range: [0, 3] },
        xaxis: { range: [0, 1] },
      }),
    );
    // bins [0, 0.5) with 3, [0.5, 1) with 1: x 50..150 up to y = 50, 150..250 up to 116.7
    expect(svg).toContain(
      '<path d="M50 150H150V50H50ZM150 150H250V116.7H150Z" fill="#1f77b4" opacity="0.6"/>',
    );
  });

  test("heatmaps: a palette PNG over the cells, the colour scale's ends at zmin and zmax, NaN transparent", () => {
    const svg = figureSvg(
      bare(
        [{ ...heatmapTrace([0, 1], [0, 1], new Float64Array([0, 1, NaN, 0.5])), showscale: false }],
        {
          xaxis: { range: [-0.5, 1.5] },
          yaxis: { range: [-0.5, 1.5] },
        },
      ),
    );
    const m =
      /<image x="50" y="50" width="200" height="100"[^>]*xlink:href="data:image\/png;base64,([^"]+)"/.exec(
        svg,
      );
    expect(m).not.toBeNull();
    const png = Buffer.from(m![1], "base64");
    const plte = png.indexOf("PLTE");
    const idat = png.indexOf("IDAT");
    const palette = png.subarray(plte + 4, plte + 4 + 255 * 3);
    const rows = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    // 2 × 2 cells; rows from the top: y = 1 (NaN, 0.5), then y = 0 (0, 1)
    expect(Array.from(rows)).toEqual([0, 254, 127, 0, 0, 253]);
    const rgb = (k: number) => Array.from(palette.subarray(3 * k, 3 * k + 3));
    expect(rgb(0)).toEqual([0x44, 0x01, 0x54]); // Viridis at 0 (#440154)
    expect(rgb(253)).toEqual([0xfd, 0xe7, 0x25]); // Viridis at 1 (#fde725)
    expect(svg).not.toContain("<linearGradient");
    // with its colour bar (at paper x = 1.02), the right margin widens to hold the bar's labels
    const z = new Float64Array([0, 1500, 3000, 4500]); // labels up to 4000: wider than the margin
    const scaled = figureSvg(bare([heatmapTrace([0, 1], [0, 1], z)]));
    expect(scaled).toContain("<linearGradient");
    expect(scaled).toMatch(/<image x="50" y="50" width="(\d+)"/);
    expect(Number(/<image x="50" y="50" width="([\d.]+)"/.exec(scaled)![1])).toBeLessThan(200);
  });

  test("an animated figure shows its first frame and says so", () => {
    const fig = animatedFigure([
      { name: "t = 0", traces: [lineTrace([0, 1], [0, 1])] },
      { name: "t = 1", traces: [lineTrace([0, 1], [1, 0])] },
    ]);
    expect(figureSvg(fig)).toContain("Static image of the first frame (t = 0, 1 of 2)");
  });

  test("subplots of a grid each get their clip path; a band is a closed filled path", () => {
    const fig = figure(
      [
        bandTrace([0, 1, 2], [0, 0, 0], [1, 2, 1], { name: "band" }),
        { ...lineTrace([0, 1], [0, 1]), xaxis: "x2", yaxis: "y2" },
      ],
      { grid: { rows: 1, columns: 2, pattern: "independent" } },
    );
    const svg = figureSvg(fig);
    expect(svg.match(/<clipPath /g)).toHaveLength(2);
    expect(svg).toMatch(
      /<path d="M[^"]+Z" fill="rgb\(0,114,178\)" fill-opacity="0.2" stroke="none"\/>/,
    );
    expect(wellFormed(svg)).toEqual([]);
  });

  test("deterministic: the same figure gives the same bytes; ids carry a hash of the drawing", () => {
    const a = figureSvg(figure([markerTrace([0, 1], [1, 2])]));
    const b = figureSvg(figure([markerTrace([0, 1], [1, 2])]));
    const c = figureSvg(figure([markerTrace([0, 1], [2, 1])]));
    expect(a).toBe(b);
    const id = (s: string) => (/clipPath id="(itolab-svg-[0-9a-f]{8})-clip-0"/.exec(s) ?? [])[1];
    expect(id(a)).toBeDefined();
    expect(id(a)).not.toBe(id(c));
  });

  test("options: a size overrides the layout's", () => {
    expect(figureSvg(figure([lineTrace([0], [0])]), { width: 640, height: 300 })).toContain(
      'width="640" height="300" viewBox="0 0 640 300"',
    );
  });

  test("any figure of the course's trace kinds draws, finite, well formed (property)", () => {
    const value = fc.oneof(
      { weight: 9, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
      { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 0) },
    );
    const series = (n: number) => fc.array(value, { minLength: n, maxLength: n });
    const trace = fc.integer({ min: 1, max: 12 }).chain((n) =>
      fc.oneof(
        fc.tuple(series(n), series(n)).map(([x, y]) => lineTrace(x, y, { dash: "dot" })),
        fc.tuple(series(n), series(n)).map(([x, y]) => markerTrace(x, y, { name: "m" })),
        fc.tuple(series(n), series(n), series(n)).map(([x, l, u]) => bandTrace(x, l, u)),
        series(n).map((x) => histogramTrace(x, { density: true })),
        fc.tuple(series(n), series(n)).map(([x, y]) => ({ type: "bar", x, y }) as Data),
        series(n * 2).map((z) => heatmapTrace(z.slice(0, n), [0, 1], z)),
      ),
    );
    const layout = fc.record({
      xaxis: fc.record({ type: fc.constantFrom("linear", "log") }),
      yaxis: fc.record({
        type: fc.constantFrom("linear", "log"),
        autorange: fc.constantFrom(true, "reversed"),
      }),
      barmode: fc.constantFrom("group", "overlay"),
    });
    fc.assert(
      fc.property(fc.array(trace, { minLength: 1, maxLength: 4 }), layout, (traces, l) => {
        const svg = figureSvg(figure(traces, l as never));
        expect(svg.endsWith("</svg>")).toBe(true);
        expect(svg).not.toMatch(/NaN|Infinity|undefined/);
        expect(wellFormed(svg)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  test.each([
    [null, TypeError, "figureSvg: fig must be a { data, layout } figure, got null"],
    [
      { data: [], layout: {} },
      RangeError,
      "figureSvg: fig.data must hold at least one trace, got an array of length 0",
    ],
    [{ data: [1], layout: {} }, TypeError, "figureSvg: fig.data[0] must be a trace object, got 1"],
  ])("bad figure %#", (fig, type, message) => {
    expect(() => figureSvg(fig as never)).toThrow(type);
    expect(() => figureSvg(fig as never)).toThrow(message);
  });

  test("bad options: a size must be a finite number > 0", () => {
    const fig = figure([lineTrace([0], [0])]);
    expect(() => figureSvg(fig, { width: 0 })).toThrow(RangeError);
    expect(() => figureSvg(fig, { width: 0 })).toThrow("figureSvg: options.width must be");
    expect(() => figureSvg(fig, { height: "1" as never })).toThrow(TypeError);
    expect(() => figureSvg(fig, null as never)).toThrow(TypeError);
  });
});
