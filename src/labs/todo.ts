/**
 * What a lab's stub throws until the student writes the body: the grader reports the lab as
 * "not attempted" instead of a crash.
 *
 *     function quadraticVariation(dw: Float64Array): number {
 *       throw new Todo("quadraticVariation: the sum of the squared increments");
 *     }
 *
 * @see nbgrader's `raise NotImplementedError()` stubs (Jupyter's convention for assignments)
 */
export class Todo extends Error {
  override name = "Todo";

  /** @param what what the stub asks for, shown by the grader */
  constructor(what = "not written yet") {
    super(`Todo: ${what}`);
  }
}

/**
 * What `grade` throws for a wrong answer, so that a notebook run (and CI) fails on it like on a
 * failed check; its message is the grader's report (the smallest failing case, expected and
 * received values, the hint).
 */
export class LabFailed extends Error {
  override name = "LabFailed";
}
