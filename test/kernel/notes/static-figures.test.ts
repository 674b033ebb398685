/**
 * Static figures: drawn by plotly.js in headless Chromium into figures/<notebook>/<cell>-<n>.svg
 * and .png, byte-identical when drawn again, drawn only when their JSON changed, and removed when
 * their figure is gone.
 */
import fs from "fs";
import path from "path";
import { lectureFigures, readManifest } from "../../../kernel/notes/figure-spec";
import { renderStaticFigures } from "../../../kernel/notes/static-figures";
import { runBrowserTests } from "./browser-support";
import { code, lecture, payload, plot, tempDir, TITLE } from "./support";

const bytes = (dir: string) =>
  Object.fromEntries(
    fs
      .readdirSync(path.join(dir, "07-x"))
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(dir, "07-x", f)).toString("base64")]),
  );

(runBrowserTests ? describe : describe.skip)("renderStaticFigures", () => {
  it("draws SVG and PNG with stable names, the same bytes twice, only what changed, and prunes", async () => {
    const dir = tempDir("static");
    const cells = [TITLE, code("c-1", "x;", [plot(payload("one", 2)), plot(payload("two"))])];
    const figures = lectureFigures(lecture("07-x", cells));
    const first = await renderStaticFigures(figures, dir, { prune: true });
    expect(first).toMatchObject({ rendered: 2, kept: 0, removed: 0 });
    const files = bytes(dir);
    expect(Object.keys(files)).toEqual(["c-1-1.png", "c-1-1.svg", "c-1-2.png", "c-1-2.svg"]);
    const svg = Buffer.from(files["c-1-1.svg"], "base64").toString();
    expect(svg).toMatch(/^<svg [^>]*width="800" height="300"/);
    expect(svg.match(/class="trace scatter/g)).toHaveLength(2);
    expect(Buffer.from(files["c-1-1.png"], "base64").subarray(1, 4).toString()).toBe("PNG");
    expect(Object.keys(readManifest(dir))).toEqual(["07-x/c-1-1", "07-x/c-1-2"]);

    const forced = await renderStaticFigures(figures, dir, { force: true, prune: true });
    expect(forced.rendered).toBe(2);
    expect(bytes(dir)).toEqual(files); // deterministic: seeded ids, same renderer

    const again = await renderStaticFigures(figures, dir, { prune: true });
    expect(again).toMatchObject({ rendered: 0, kept: 2, removed: 0 });

    const changed = lectureFigures(
      lecture("07-x", [TITLE, code("c-1", "x;", [plot(payload("one, edited", 2))])]),
    );
    const pruned = await renderStaticFigures(changed, dir, { prune: true });
    expect(pruned).toMatchObject({ rendered: 1, kept: 0, removed: 2 });
    expect(Object.keys(bytes(dir))).toEqual(["c-1-1.png", "c-1-1.svg"]);
    expect(Object.keys(readManifest(dir))).toEqual(["07-x/c-1-1"]);
  }, 90_000);
});

if (!runBrowserTests) {
  it.skip("renderStaticFigures: /usr/bin/chromium is missing (apt-get install chromium)", () =>
    undefined);
}
