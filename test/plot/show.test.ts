import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import {
  DisplayContent,
  figure,
  figureBundle,
  lineTrace,
  resetFigureSession,
  setDisplayWriter,
  show,
} from "../../src/plot";

const fig = (): ReturnType<typeof figure> =>
  figure([lineTrace([0, 1], [0, 1])], { title: { text: "W_t" } });

beforeEach(() => resetFigureSession());
afterEach(() => setDisplayWriter(null));

describe("show", () => {
  test("sends exactly one display_data (update = false) carrying the figure's bundle", () => {
    const calls: [DisplayContent, boolean][] = [];
    setDisplayWriter((content, update) => calls.push([content, update]));
    show(fig());
    expect(calls).toHaveLength(1);
    const [content, update] = calls[0];
    expect(update).toBe(false);
    expect(content.metadata).toEqual({});
    expect(content.transient).toEqual({});
    resetFigureSession(); // the bundle show made was the session's first: compare with another first
    const expected = figureBundle(fig());
    expect(Object.keys(content.data).sort()).toEqual(Object.keys(expected).sort());
    expect(content.data["application/vnd.plotly.v1+json"]).toEqual(
      expected["application/vnd.plotly.v1+json"],
    );
    expect(content.data["text/plain"]).toBe('Figure: 1 trace (scatter), title "W_t"');
    expect(content.data["text/html"] === expected["text/html"]).toBe(true);
  });

  test("finds tslab's per-cell hook lastWriteDisplayData in the loaded tslab/dist/jupyter", () => {
    // tslab sets `exports.lastWriteDisplayData = writeDisplayData` at the start of every cell
    // (node_modules/tslab/dist/jupyter.js, handleExecuteImpl); do the same here.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: unknown };
    const calls: unknown[][] = [];
    jupyter.lastWriteDisplayData = (...args: unknown[]) => calls.push(args);
    try {
      show(fig());
      show(fig());
    } finally {
      jupyter.lastWriteDisplayData = null;
    }
    expect(calls).toHaveLength(2); // one message per show
    expect(calls[0][1]).toBe(false);
    expect((calls[0][0] as DisplayContent).data["text/plain"]).toContain("1 trace");
  });

  test("finds the hook in a tslab installed elsewhere (e.g. globally), via require.cache", () => {
    // A stand-in jupyter.js at a path `require("tslab/dist/jupyter")` cannot reach from src/plot:
    // only the require.cache lookup can find it.
    const root = mkdtempSync(join(tmpdir(), "itolab-show-"));
    const file = join(root, "tslab", "dist", "jupyter.js");
    mkdirSync(join(root, "tslab", "dist"), { recursive: true });
    writeFileSync(file, "exports.lastWriteDisplayData = null;\n");
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const elsewhere = require(file) as { lastWriteDisplayData: unknown };
      const calls: unknown[] = [];
      elsewhere.lastWriteDisplayData = (c: unknown) => calls.push(c);
      show(fig());
      elsewhere.lastWriteDisplayData = null;
      expect(calls).toHaveLength(1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test("without a running kernel it throws a clear Error pointing to figureBundle", () => {
    expect(() => show(fig())).toThrow(Error);
    expect(() => show(fig())).toThrow(
      "show: no running tslab kernel; use figureBundle(fig) to get the MIME bundle outside Jupyter",
    );
  });

  test("an injected writer wins over the kernel hook, and null restores the lookup", () => {
    const calls: unknown[] = [];
    setDisplayWriter((c) => calls.push(c));
    show(fig());
    setDisplayWriter(null);
    expect(() => show(fig())).toThrow(/figureBundle/);
    expect(calls).toHaveLength(1);
  });

  test("bad input: setDisplayWriter rejects a non-function; show rejects a non-figure", () => {
    expect(() => setDisplayWriter(1 as never)).toThrow(
      new TypeError("setDisplayWriter: writer must be a function or null, got 1"),
    );
    const calls: unknown[] = [];
    setDisplayWriter((c) => calls.push(c));
    expect(() => show(null as never)).toThrow(
      new TypeError("show: fig must be a { data, layout } figure, got null"),
    );
    expect(calls).toHaveLength(0); // nothing is sent for a bad figure
  });
});
