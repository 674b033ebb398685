/**
 * `npm run bench`: runs every benchmark module in turn; `node dist/bench/index.js em-ou
 * score-matching` (or `npm run bench -- score-matching`; `dsm` is another name for it) runs only
 * the named ones, in the order given. Add a module by appending it here.
 * Absolute times on shared machines are noisy: quote the ratios against the reference scripts.
 */
import { isMainThread } from "node:worker_threads";
import * as emOu from "./em-ou";
import * as fokkerPlanck from "./fokker-planck";
import * as live from "./live";
import * as runnerVsNbconvert from "./runner-vs-nbconvert";
import * as scoreMatching from "./score-matching";

const benchmarks: { name: string; run: () => Promise<void> }[] = [
  { name: "em-ou", run: emOu.run },
  { name: "fokker-planck", run: fokkerPlanck.run },
  { name: "score-matching", run: scoreMatching.run },
  { name: "runner-vs-nbconvert", run: runnerVsNbconvert.run },
  { name: "live", run: live.run },
];

/** Other names of benchmarks. */
const ALIASES: Record<string, string> = { dsm: "score-matching" };

/** The benchmarks named on the command line (all when none is), or throws naming the unknown. */
function selected(names: string[]): typeof benchmarks {
  if (names.length === 0) return benchmarks;
  return names.map((name) => {
    const b = benchmarks.find((x) => x.name === (ALIASES[name] ?? name));
    if (!b) {
      const known = benchmarks.map((x) => x.name).join(", ");
      throw new RangeError(`bench: unknown benchmark ${JSON.stringify(name)}; known: ${known}`);
    }
    return b;
  });
}

async function main(): Promise<void> {
  for (const b of selected(process.argv.slice(2))) {
    await b.run();
    console.log("");
  }
}

if (isMainThread) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
