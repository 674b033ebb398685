import { collectOutputs } from "../../../kernel/runner/collect-outputs";
import { OutputCollector } from "../../../kernel/runner/outputs";
import { Session } from "../../../kernel/runner/protocol";

const session = new Session("key");
/** A collector fed the iopub messages of one cell, as the kernel would send them. */
const collectorOf = (...messages: [string, Record<string, unknown>][]) => {
  const collector = new OutputCollector(new Map());
  for (const [type, content] of messages) collector.handle(session.message(type, content));
  return collector;
};
const stdout = (text: string) => ["stream", { name: "stdout", text }] as [string, never];
const stderr = (text: string) => ["stream", { name: "stderr", text }] as [string, never];
const input = (n: number) => ["execute_input", { code: "", execution_count: n }] as [string, never];

describe("collectOutputs", () => {
  it("an ok reply: outputs as collected, the reply's execution count", () => {
    const c = collectorOf(input(2), stdout("a = 1\n"));
    expect(collectOutputs(c, { status: "ok", execution_count: 3 })).toEqual({
      outcome: { kind: "ok" },
      outputs: [{ output_type: "stream", name: "stdout", text: "a = 1\n" }],
      executionCount: 3,
    });
  });
  it("takes the execution count from execute_input when the reply has none", () => {
    expect(collectOutputs(collectorOf(input(5)), { status: "ok" }).executionCount).toBe(5);
  });
  it("an error reply: tslab's stderr report leaves the outputs and becomes the outcome's text", () => {
    const c = collectorOf(input(1), stdout("before\n"), stderr("Error: boom\n    at x\n"));
    expect(collectOutputs(c, { status: "error", execution_count: 1 })).toEqual({
      outcome: { kind: "error", text: "Error: boom\n    at x\n" },
      outputs: [{ output_type: "stream", name: "stdout", text: "before\n" }],
      executionCount: 1,
    });
  });
  it("an error reply without stderr has an empty error text", () => {
    expect(collectOutputs(collectorOf(), { status: "error" }).outcome).toEqual({
      kind: "error",
      text: "",
    });
  });
  it.each(["abort", "aborted"])("a reply with status %s is an aborted request", (status) => {
    expect(collectOutputs(collectorOf(), { status }).outcome).toEqual({ kind: "aborted" });
  });
});
