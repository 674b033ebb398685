/**
 * `npm run bench`: runs every benchmark module in turn. Add a module by appending it here.
 * Absolute times on shared machines are noisy: quote the ratios against the reference scripts.
 */
import { isMainThread } from "node:worker_threads";
import * as emOu from "./em-ou";
import * as fokkerPlanck from "./fokker-planck";
import * as runnerVsNbconvert from "./runner-vs-nbconvert";
import * as scoreMatching from "./score-matching";

const benchmarks: { name: string; run: () => Promise<void> }[] = [
  { name: "em-ou", run: emOu.run },
  { name: "fokker-planck", run: fokkerPlanck.run },
  { name: "score-matching", run: scoreMatching.run },
  { name: "runner-vs-nbconvert", run: runnerVsNbconvert.run },
];

async function main(): Promise<void> {
  for (const b of benchmarks) {
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
