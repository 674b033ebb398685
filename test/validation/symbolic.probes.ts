/** Probes of src/symbolic (see harness.ts). */
import fc from "fast-check";
import { parse } from "mathjs";
import { rationalNormalForm, type SymbolicNode } from "../../src/symbolic";
import type { Probe } from "./harness";

/** Random rational expressions in x, y with exp atoms, as mathjs nodes. */
const expression = fc
  .array(
    fc.constantFrom(
      "x",
      "y",
      "(x + 1)",
      "(y - 2)^2",
      "x / (y^2 + 1)",
      "exp(-x^2 / 2)",
      "0.25",
      "3",
      "(x - y)^3",
    ),
    { minLength: 1, maxLength: 5 },
  )
  .chain((terms) =>
    fc
      .array(fc.constantFrom(" + ", " - ", " * "), {
        minLength: terms.length - 1,
        maxLength: terms.length - 1,
      })
      .map((ops) => parse(terms.map((t, i) => (i === 0 ? t : ops[i - 1] + t)).join(""))),
  );

export const probes: Probe[] = [
  {
    name: "rationalNormalForm",
    valid: fc.tuple(expression),
    call: (node) => rationalNormalForm(node as SymbolicNode),
    params: [{ arg: 0, name: "node", bad: ["wrong-type", "missing"] }],
  },
];

/** Exports that take no user data, with the reason. */
export const exempt: Record<string, string> = {};
