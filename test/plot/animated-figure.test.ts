import { animatedFigure, figureBundle, lineTrace, resetFigureSession } from "../../src/plot";

const plotlyMime = "application/vnd.plotly.v1+json";
const frames = [0, 1, 2].map((k) => ({
  name: `t = ${k}`,
  traces: [lineTrace(Float64Array.of(0, 1), Float64Array.of(k, k + 1), { name: "p" })],
}));

beforeEach(() => resetFigureSession());

describe("animatedFigure", () => {
  test("frame 0 is drawn; every frame is a named plotly frame; one slider step per frame", () => {
    const fig = animatedFigure(frames, { title: { text: "anim" } });
    expect(fig.data[0]).toEqual(JSON.parse(JSON.stringify(frames[0].traces[0])));
    expect(fig.frames!.map((f) => f.name)).toEqual(["t = 0", "t = 1", "t = 2"]);
    expect((fig.frames![2].data![0] as { y: number[] }).y).toEqual([2, 3]); // typed arrays → arrays
    const steps = (
      fig.layout.sliders![0] as unknown as { steps: { label: string; args: unknown[] }[] }
    ).steps;
    expect(steps.map((s) => s.label)).toEqual(["t = 0", "t = 1", "t = 2"]);
    expect(steps[1].args[0]).toEqual(["t = 1"]);
    expect(fig.layout.title).toMatchObject({ text: "anim" }); // themed like any figure
  });

  test("figureBundle carries the frames in the JSON, the html and the text summary", () => {
    const bundle = figureBundle(animatedFigure(frames));
    expect(bundle[plotlyMime].frames).toHaveLength(3);
    expect(bundle["text/html"]).toContain("window.Plotly.addFrames(el, fig.frames)");
    expect(bundle["text/html"]).toContain('"frames":[{"name":"t = 0"');
    expect(bundle["text/plain"]).toBe("Figure: 1 trace (scatter), 3 frames");
  });

  test("a still figure's bundle has no frames key and no addFrames call", () => {
    const bundle = figureBundle({ data: frames[0].traces as never, layout: {} });
    expect(Object.keys(bundle[plotlyMime]).sort()).toEqual(["config", "data", "layout"]);
    const draw = bundle["text/html"].slice(bundle["text/html"].lastIndexOf("<script"));
    expect(draw).toContain("newPlot");
    expect(draw).not.toContain("addFrames");
  });

  test.each([
    [
      () => animatedFigure([]),
      "animatedFigure: frames must be non-empty, got an array of length 0",
    ],
    [
      () => animatedFigure([frames[0], frames[0]]),
      'animatedFigure: frames[1].name must be unique, got "t = 0" twice',
    ],
    [
      () =>
        animatedFigure([
          frames[0],
          { name: "b", traces: [...frames[1].traces, ...frames[1].traces] },
        ]),
      "animatedFigure: frames[1].traces must have the length of frames[0].traces (1), got 2",
    ],
    [
      () => animatedFigure(frames, {}, { frameMs: 0 }),
      "animatedFigure: options.frameMs must be a finite number > 0, got 0",
    ],
    [
      () => figureBundle({ data: [lineTrace([1], [1])], layout: {}, frames: 3 as never }),
      "figureBundle: fig.frames must be an array of frames, got 3",
    ],
  ])("bad input %#", (make, message) => {
    expect(make).toThrow(message);
  });
});
