/**
 * Probes of src/labs (see harness.ts): the grader's entry points refuse a lab that is not one of
 * itolab/labs and a student's answer that is not a function, naming the function called.
 */
import fc from "fast-check";
import { allLabs, evaluateLab, findLab, grade, Todo } from "../../src/labs";
import type { Lab, LabFunction } from "../../src/labs";
import type { Probe } from "./harness";

const stub = () => {
  throw new Todo("a stub");
};
const lab = fc.constantFrom(...allLabs());

export const probes: Probe[] = [
  {
    name: "grade",
    valid: lab.map((l) => [l, stub]),
    call: (l, f) => grade(l as Lab<LabFunction>, f as LabFunction),
    params: [
      { arg: 0, name: "lab", bad: ["wrong-type", "missing"] },
      { arg: 1, name: "fn", bad: ["wrong-type", "missing"] },
    ],
  },
  {
    name: "evaluateLab",
    valid: lab.map((l) => [l, stub]),
    call: (l, f) => evaluateLab(l as Lab<LabFunction>, f as LabFunction),
    params: [
      { arg: 0, name: "lab", bad: ["wrong-type", "missing"] },
      { arg: 1, name: "fn", bad: ["wrong-type", "missing"] },
    ],
  },
  {
    name: "findLab",
    valid: lab.map((l) => [l.id]),
    call: (id) => findLab(id as string),
    // a string is the valid type, so "wrong-type" (which tries strings too) is not probed
    params: [{ arg: 0, name: "id", bad: ["missing"] }],
  },
];

export const exempt: Record<string, string> = {
  Todo: "an error class: its message is the student's free text",
  LabFailed: "an error class: its message is the grader's report",
  allLabs: "takes no arguments",
  lastLabReport: "takes no arguments",
  "findLab.cases":
    "the grader's cases: called by evaluateLab with the rng it seeds from the lab's id",
};
