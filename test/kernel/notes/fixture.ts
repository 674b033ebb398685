/**
 * A source notebook (not executed) with every feature a lecture page has, and payloads that try
 * to break out of their elements; the browser test executes it with the real runner and kernel.
 */
import { md, writeNotebook } from "./support";

export const HOSTILE =
  '</script><script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"><!--';
const h = JSON.stringify(HOSTILE);
const src = (id: string, source: string) => ({
  type: "code" as const,
  id,
  source,
  outputs: [],
  count: null,
});

/** Write the fixture as `<dir>/98-fixture.ipynb`; returns its path. */
export function writeFixture(dir: string): string {
  return writeNotebook(dir, "98-fixture", [
    md(
      "fx-00",
      "# 98 · Fixture for the notes\n\n*Every feature of a lecture page, executed by the real kernel.*\n\n" +
        "**What we will verify**:\n\n1. inline $x_1 * y_2$ and display $$\\int_0^T f\\,dW$$ math;\n2. figures, checks, hidden cells.\n",
    ),
    src(
      "fx-01",
      'import { figure, lineTrace, bandTrace, histogramTrace, show, checkClose } from "itolab";',
    ),
    md(
      "fx-02",
      `## 1 · Figures of $W_t$ ${"</script>"}\n\nA block:\n$$\n\\mathbb E\\,Q_n = T\n$$\nand text after it.`,
    ),
    src(
      "fx-03",
      `show(figure([lineTrace([0, 1, 2], [0, 1, 0]), lineTrace([0, 1, 2], [1, 0, 1])], { title: { text: ${h} } }));\n` +
        "show(figure([bandTrace([0, 1, 2], [0, 0, 0], [1, 2, 1]), histogramTrace([0.1, 0.2, 0.2, 0.7])]));",
    ),
    src(
      "fx-04",
      '//| hide\nshow(figure([lineTrace([0, 1], [1, 1])]));\nconsole.log("hidden output");',
    ),
    md("fx-05", "### Checks"),
    src(
      "fx-06",
      `console.log(${h});\ncheckClose("one plus one", 1 + 1, 2, { abs: 0, reason: ${JSON.stringify("integers add exactly </script>")} });`,
    ),
    src("fx-07", '//| raises: RangeError\nthrow new RangeError("expected </script> failure");'),
    src("fx-08", "//| skip: shows a skipped cell\nwhile (true) {}"),
    md("fx-09", "## What we verified\n\n- it all works."),
  ]);
}
