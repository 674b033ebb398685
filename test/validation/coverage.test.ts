/**
 * Every public function and method of src/ has a bad-input probe (harness.ts) or an exemption
 * with its reason: a new export without one fails here. Methods are found by calling each
 * probe's function once on valid input and listing the functions on what it returns.
 */
import fc from "fast-check";
import fs from "fs";
import path from "path";
import type { Probe } from "./harness";

const root = path.resolve(__dirname, "..", "..");
const folders = fs
  .readdirSync(path.join(root, "src"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

interface Table {
  probes: Probe[];
  exempt: Record<string, string>;
}

function table(folder: string): Table | null {
  const file = path.join(__dirname, `${folder}.probes.ts`);
  if (!fs.existsSync(file)) return null;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as Table;
}

/** Function-valued properties of an object and its prototypes (not Object's own). */
function methodsOf(v: unknown): string[] {
  if (v === null || typeof v !== "object" || Array.isArray(v) || ArrayBuffer.isView(v)) return [];
  const names = new Set<string>();
  for (let o = v; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const k of Object.getOwnPropertyNames(o)) {
      if (k === "constructor") continue;
      const d = Object.getOwnPropertyDescriptor(o, k);
      if (d && typeof d.value === "function") names.add(k);
    }
  }
  return [...names].sort();
}

describe.each(folders)("src/%s", (folder) => {
  it("has a probe table test/validation/<folder>.probes.ts and a test that runs it", () => {
    expect(table(folder)).not.toBeNull();
    expect(fs.existsSync(path.join(__dirname, `${folder}.test.ts`))).toBe(true);
  });

  it("probes or exempts every exported function, class and method", () => {
    const t = table(folder);
    if (!t) return; // reported above
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(root, "src", folder)) as Record<string, unknown>;
    const probed = new Set(t.probes.map((p) => p.name));
    const covered = (name: string) => probed.has(name) || name in t.exempt;
    const missing = Object.entries(mod)
      .filter(([, v]) => typeof v === "function")
      .map(([k]) => k)
      .filter((k) => !covered(k));
    for (const p of t.probes) {
      if (p.name.includes(".")) continue; // a method itself
      const [args] = fc.sample(p.valid, { seed: 1, numRuns: 1 });
      let out: unknown;
      try {
        out = p.call(...args);
      } catch {
        continue; // reported by the probe's own valid-input test
      }
      for (const m of methodsOf(out)) {
        if (!covered(`${p.name}.${m}`)) missing.push(`${p.name}.${m}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("exempts only with a reason, and names no export that does not exist", () => {
    const t = table(folder);
    if (!t) return;
    for (const [name, reason] of Object.entries(t.exempt)) {
      expect({ name, reason: reason.length > 10 }).toEqual({ name, reason: true });
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(root, "src", folder)) as Record<string, unknown>;
    const names = [...Object.keys(t.exempt), ...t.probes.map((p) => p.name)];
    const unknown = names.map((n) => n.split(".")[0]).filter((n) => !(n in mod));
    expect(unknown).toEqual([]);
  });
});
