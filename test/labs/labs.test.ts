/**
 * The graders are proven (issue 23): every lab's reference solution passes, a stub throwing Todo
 * is "not attempted", every usual mistake's model and every recorded wrong solution
 * (labs/mutants/) is rejected with the hint that names it, and every lecture asks for at least
 * three labs among at least four exercises.
 */
import fs from "fs";
import path from "path";
import { allLabs, evaluateLab, grade, LabFailed, lastLabReport, Todo } from "../../src/labs";
import type { Lab, LabFunction } from "../../src/labs";
import type { Mutant } from "../../labs/mutants/mutant";
import { labStubs } from "../../kernel/labs/stubs";

const root = path.resolve(__dirname, "..", "..");
const notebooks = fs
  .readdirSync(path.join(root, "notebooks"))
  .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
  .sort();
const lectures = notebooks.map((f) => f.slice(0, 2));
const labs = allLabs();

function solutions(lecture: string): Record<string, LabFunction> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(root, "labs", "solutions", `${lecture}.ts`));
}
function mutants(lecture: string): Mutant[] {
  const file = path.join(root, "labs", "mutants", `${lecture}.ts`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return fs.existsSync(file) ? require(file).mutants : [];
}

describe("the registry of labs", () => {
  it("has unique ids NN-name, at least two named mistakes each, and tolerances with reasons", () => {
    expect(new Set(labs.map((l) => l.id)).size).toBe(labs.length);
    for (const lab of labs) {
      expect(lab.id).toMatch(/^\d\d-[a-z0-9-]+$/);
      expect(lab.mistakes.length).toBeGreaterThanOrEqual(2);
      expect(new Set(lab.mistakes.map((m) => m.name)).size).toBe(lab.mistakes.length);
      expect(lab.tolerance.reason.trim()).not.toBe("");
      expect(lab.signature.startsWith(`${lab.fn}(`)).toBe(true);
    }
  });
  it("counts at least 30 labs across lectures 00–09", () => {
    expect(labs.filter((l) => Number(l.id.slice(0, 2)) <= 9).length).toBeGreaterThanOrEqual(30);
  });
});

describe.each(labs.map((l) => [l.id, l] as [string, Lab<LabFunction>]))("lab %s", (id, lab) => {
  const lecture = id.slice(0, 2);
  it("passes its reference solution (labs/solutions), on at least 5 cases", () => {
    const fn = solutions(lecture)[lab.fn];
    expect(typeof fn).toBe("function");
    const report = evaluateLab(lab, fn);
    expect(report.message).toMatch(/^✓/);
    expect(report.state).toBe("passed");
    expect(report.cases).toBeGreaterThanOrEqual(5);
  });
  it("reports a stub that throws Todo as not attempted, and a crash as failed", () => {
    expect(
      evaluateLab(lab, () => {
        throw new Todo("stub");
      }).state,
    ).toBe("not attempted");
    const crash = evaluateLab(lab, () => {
      throw new TypeError("boom");
    });
    expect(crash.state).toBe("failed");
    expect(crash.received).toMatch(/threw TypeError: boom/);
  });
  it("rejects each usual mistake's model with its own hint", () => {
    for (const mistake of lab.mistakes) {
      const report = evaluateLab(lab, mistake.answer as LabFunction);
      expect({ mistake: mistake.name, state: report.state }).toEqual({
        mistake: mistake.name,
        state: "failed",
      });
      expect(report.mistake).toBe(mistake.name);
      expect(report.hint).toBe(mistake.hint);
    }
  });
  it("has at least two recorded wrong solutions, each rejected with the hint that names it", () => {
    const recorded = mutants(lecture).filter((m) => m.lab === id);
    expect(new Set(recorded.map((m) => m.mistake)).size).toBeGreaterThanOrEqual(2);
    for (const m of recorded) {
      const report = evaluateLab(lab, m.fn);
      expect({ mutant: m.mistake, state: report.state, named: report.mistake }).toEqual({
        mutant: m.mistake,
        state: "failed",
        named: m.mistake,
      });
      expect(report.message).toContain(`hint: ${report.hint}`);
      expect(report.message).toContain("smallest failing case");
    }
  });
  it("never prints its reference solution's code", () => {
    const fn = solutions(lecture)[lab.fn];
    const body = fn.toString().split("\n").slice(1, -1).join("\n").trim();
    const wrong = evaluateLab(lab, lab.mistakes[0].answer as LabFunction);
    expect(wrong.message).not.toContain(body);
  });
});

describe("grade (the notebook's call)", () => {
  const lab = labs[0];
  it("prints ✓ for a right answer, ○ for a stub, and throws LabFailed for a wrong one", () => {
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    const quiet = process.env.ITOLAB_CHECK_QUIET;
    delete process.env.ITOLAB_CHECK_QUIET;
    try {
      grade(lab, solutions(lab.id.slice(0, 2))[lab.fn]);
      expect(log.mock.calls.at(-1)?.[0]).toMatch(/^✓ lab /);
      grade(lab, () => {
        throw new Todo();
      });
      expect(log.mock.calls.at(-1)?.[0]).toMatch(/^○ lab .*not attempted/);
      expect(() => grade(lab, lab.mistakes[0].answer as LabFunction)).toThrow(LabFailed);
      expect(lastLabReport()?.mistake).toBe(lab.mistakes[0].name);
    } finally {
      log.mockRestore();
      if (quiet !== undefined) process.env.ITOLAB_CHECK_QUIET = quiet;
    }
  });
  it("names grade, the parameter and the value for bad input", () => {
    expect(() => grade(lab, 3 as unknown as LabFunction)).toThrow(
      `grade: fn must be your function ${lab.fn}, got 3`,
    );
    expect(() => grade(null as unknown as Lab<LabFunction>, () => 0)).toThrow(
      /^grade: lab must be/,
    );
  });
});

describe.each(lectures)("notebook %s's labs", (lecture) => {
  const file = path.join(root, "notebooks", notebooks[lectures.indexOf(lecture)]);
  const { stubs } = labStubs(file);
  it("asks for at least three labs among at least four exercises", () => {
    expect(stubs.length).toBeGreaterThanOrEqual(3);
    const nb = JSON.parse(fs.readFileSync(file, "utf8"));
    const markdown: string[] = nb.cells
      .filter((c: { cell_type: string }) => c.cell_type === "markdown")
      .map((c: { source: string[] | string }) => [c.source].flat().join(""));
    const exercises = markdown.find((t) => /^## Exercises/m.test(t)) ?? "";
    const numbered = exercises.split("\n").filter((l) => /^\d+\. /.test(l)).length;
    const labHeadings = markdown.filter((t) => /^### Exercise \d+ \(lab\)/.test(t)).length;
    expect(labHeadings).toBe(stubs.length);
    expect(numbered + labHeadings).toBeGreaterThanOrEqual(4);
  });
  it("has one stub per registered lab of the lecture, named as the lab's function", () => {
    const registered = labs.filter((l) => l.id.startsWith(`${lecture}-`));
    expect(stubs.map((s) => s.lab).sort()).toEqual(registered.map((l) => l.id).sort());
    for (const s of stubs) expect(s.fn).toBe(registered.find((l) => l.id === s.lab)?.fn);
    for (const s of stubs) expect(s.source).toMatch(/throw new Todo\(/);
  });
  it("declares each lab's function nowhere else in the notebook (one program under calibration)", () => {
    const nb = JSON.parse(fs.readFileSync(file, "utf8"));
    const others = nb.cells
      .filter((c: { cell_type: string; source: string[] | string }) => {
        const text = [c.source].flat().join("");
        return c.cell_type === "code" && !/^\/\/\| lab:/.test(text);
      })
      .map((c: { source: string[] | string }) => [c.source].flat().join(""))
      .join("\n");
    const declared = (fn: string) =>
      new RegExp(`\\b(const|let|var|function|class)\\s+${fn}\\b`).test(others) ||
      new RegExp(`\\bimport\\s*(type\\s*)?\\{[^}]*\\b${fn}\\b[^}]*\\}`).test(others);
    const clashes = stubs.filter((s) => declared(s.fn));
    expect(clashes.map((s) => s.fn)).toEqual([]);
  });
});
