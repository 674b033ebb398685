import { describeValue } from "../base";
import { Lab, LabFunction } from "./lab";
import * as lecture00 from "./lecture-00";
import * as lecture01 from "./lecture-01";
import * as lecture02 from "./lecture-02";
import * as lecture03 from "./lecture-03";
import * as lecture04 from "./lecture-04";
import * as lecture05 from "./lecture-05";
import * as lecture06 from "./lecture-06";
import * as lecture07 from "./lecture-07";
import * as lecture08 from "./lecture-08";
import * as lecture09 from "./lecture-09";
import * as lecture10 from "./lecture-10";
import * as lecture11 from "./lecture-11";
import * as lecture12 from "./lecture-12";
import * as lecture13 from "./lecture-13";

/** Each lecture's labs, in the order its notebook asks for them. */
const LECTURES: readonly (readonly unknown[])[] = [
  lecture00.labs00,
  lecture01.labs01,
  lecture02.labs02,
  lecture03.labs03,
  lecture04.labs04,
  lecture05.labs05,
  lecture06.labs06,
  lecture07.labs07,
  lecture08.labs08,
  lecture09.labs09,
  lecture10.labs10,
  lecture11.labs11,
  lecture12.labs12,
  lecture13.labs13,
];

/**
 * Every lab of the course, in lecture order (the labs exported by src/labs/lecture-NN.ts).
 * @returns the labs, ids "NN-name"
 */
export function allLabs(): Lab<LabFunction>[] {
  return LECTURES.flat() as Lab<LabFunction>[];
}

/**
 * The lab with this id.
 * @param id "NN-name", as in the notebook's `//| lab: NN-name` directive
 */
export function findLab(id: string): Lab<LabFunction> {
  if (typeof id !== "string")
    throw new TypeError(`findLab: id must be a string, got ${describeValue(id)}`);
  const lab = allLabs().find((l) => l.id === id);
  if (!lab)
    throw new RangeError(`findLab: id must name a lab of itolab/labs, got ${describeValue(id)}`);
  return lab;
}
