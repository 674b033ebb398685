import { readFileSync } from "fs";
import { plotlyLibrary } from "../../src/plot/plotly-source";

describe("plotlyLibrary", () => {
  const pkg = JSON.parse(
    readFileSync(require.resolve("plotly.js-dist-min/package.json"), "utf8"),
  ) as { version: string };
  const raw = readFileSync(require.resolve("plotly.js-dist-min"), "utf8");

  test("is the installed plotly.js-dist-min, with its version, cached for the session", () => {
    const lib = plotlyLibrary();
    expect(lib.version).toBe(pkg.version);
    expect(lib.source).toContain(`plotly.js v${pkg.version}`);
    expect(lib.source.length).toBeGreaterThan(raw.length); // the whole file plus the wrapper
    expect(plotlyLibrary()).toBe(lib);
  });

  test("cannot close the inline <script>, and shields the UMD wrapper from a page's module/define", () => {
    const { source } = plotlyLibrary();
    expect(source).not.toMatch(/<\/script/i);
    expect(source.startsWith("(function (module, exports, define) {\n")).toBe(true);
    expect(source.endsWith("\n}).call(window);")).toBe(true);
  });
});
