/**
 * Euler–Maruyama on the OU SDE dX = −X dt + dW: N = 100,000 paths, K = 1,000 steps, T = 1,
 * X0 ~ N(0, 1), float64, terminal state only, through the library's own code path
 * (`integrate` + `eulerMaruyama` + `brownianStream`). Paths are split into BLOCKS fixed blocks,
 * block b driven by stream b of `spawn(createRng(SEED), BLOCKS)`, so the result does not depend on
 * the thread count. Compared with <repoRoot>/../shared/bench/em_numpy.py run in the same invocation.
 */
import { availableParallelism } from "node:os";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { brownianStream, uniformGrid } from "../src/brownian";
import { ornsteinUhlenbeck } from "../src/processes";
import { createRng, fillNormal, spawn } from "../src/rng";
import { eulerMaruyama, integrate } from "../src/sde";
import { moments } from "../src/stats";
import { liveBytes } from "./live-bytes";
import { referenceRate } from "./reference";

const N = 100_000;
const K = 1_000;
const T = 1;
const SEED = 20250101;
const BLOCKS = 64; // fixed: the work unit, independent of the number of threads
const REPEATS = 3; // timings (ours and numpy's) are the best of this many runs

interface Job {
  bench: "em-ou";
  blocks: number[];
}

/** Block b's share of the N paths: [start, end). */
function blockRange(b: number): [number, number] {
  return [Math.floor((b * N) / BLOCKS), Math.floor(((b + 1) * N) / BLOCKS)];
}

/** Integrates the given blocks; returns their terminal states in the same order. */
function runBlocks(blocks: number[], steps = K): Float64Array[] {
  const streams = spawn(createRng(SEED), BLOCKS);
  const sde = ornsteinUhlenbeck({ theta: 1, sigma: 1 }).sde;
  return blocks.map((b) => {
    const [s, e] = blockRange(b);
    const rng = streams[b];
    const x0 = fillNormal(rng, new Float64Array(e - s)); // X0 ~ N(0, 1)
    return integrate(
      sde,
      eulerMaruyama,
      x0,
      brownianStream(rng, uniformGrid(0, T, steps), e - s, 1),
    ).x;
  });
}

const all = Array.from({ length: BLOCKS }, (_, b) => b);

function assemble(parts: Float64Array[]): Float64Array {
  const x = new Float64Array(N);
  parts.forEach((p, b) => x.set(p, blockRange(b)[0]));
  return x;
}

async function runThreads(threads: number): Promise<Float64Array> {
  const parts: Float64Array[] = new Array(BLOCKS);
  await Promise.all(
    Array.from({ length: threads }, (_, w) => {
      const blocks = all.filter((b) => b % threads === w);
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(__filename, {
          workerData: { bench: "em-ou", blocks } satisfies Job,
        });
        worker.once("message", (xs: Float64Array[]) => {
          xs.forEach((x, i) => (parts[blocks[i]] = x));
          resolve();
        });
        worker.once("error", reject);
      });
    }),
  );
  return assemble(parts);
}

/** Seconds for `fn`. */
function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
}

/** The normal fill alone, as the stream calls it: K fills of N normals scaled by √h. */
function normalFillSeconds(): number {
  const rng = createRng(SEED);
  const buf = new Float64Array(N / BLOCKS);
  const std = Math.sqrt(T / K);
  return time(() => {
    for (let b = 0; b < BLOCKS; b++) for (let k = 0; k < K; k++) fillNormal(rng, buf, 0, std);
  });
}

/** Runs the benchmark and prints its report. */
export async function run(): Promise<void> {
  const exactVar = Math.exp(-2 * T) + 0.5 * (1 - Math.exp(-2 * T)); // Var X_T for X0 ~ N(0, 1)
  const rate = (s: number): string => `${((N * K) / s / 1e6).toFixed(1)} M path-steps/s`;
  console.log(`em-ou: Euler–Maruyama, dX = −X dt + dW, N = ${N}, K = ${K}, T = ${T}, float64`);
  runBlocks(all.slice(0, 8), 50); // warm-up (JIT)
  const threads = availableParallelism();
  // Ours and numpy's runs alternate, so a slow spell of this shared machine hits both sides.
  let single: Float64Array = new Float64Array(0);
  let multi: Float64Array = new Float64Array(0);
  let s1 = Infinity;
  let sT = Infinity;
  let sFill = Infinity;
  let np: number | null = null;
  let npMissing = false;
  for (let rep = 0; rep < REPEATS; rep++) {
    s1 = Math.min(
      s1,
      time(() => (single = assemble(runBlocks(all)))),
    );
    sFill = Math.min(sFill, normalFillSeconds());
    const t0 = performance.now();
    multi = await runThreads(threads);
    sT = Math.min(sT, (performance.now() - t0) / 1000);
    if (!npMissing) {
      const r = referenceRate("em_numpy.py", [String(N), String(K)], 1);
      if (r === null) npMissing = true;
      else np = Math.max(np ?? 0, r);
    }
  }
  const v = moments(single).variance;
  const same = multi.every((x, i) => x === single[i]);
  console.log(`  itolab 1 thread (best of ${REPEATS}):  ${s1.toFixed(3)} s, ${rate(s1)}`);
  console.log(
    `    of which the normal fill (src/rng fillNormal, best of ${REPEATS}): ${sFill.toFixed(3)} s, ${((100 * sFill) / s1).toFixed(0)} %`,
  );
  console.log(
    `  itolab ${threads} threads (best of ${REPEATS}): ${sT.toFixed(3)} s, ${rate(sT)} (worker start-up included)`,
  );
  console.log(
    `  var X_T = ${v.toFixed(4)} (exact ${exactVar.toFixed(4)}, SE ${(exactVar * Math.sqrt(2 / N)).toFixed(4)}); threads give identical paths: ${same}`,
  );
  const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;
  const mem: string[] = [];
  const sizes = [
    [N / 10, 100],
    [N / 10, 1_000],
    [N / 10, 10_000],
    [N, 100],
    [N, 1_000],
  ];
  for (const [n, k] of sizes) mem.push(`N = ${n}, K = ${k}: ${mb(await liveBytes(n, k))}`);
  console.log(
    `  live memory inside terminal-state integrate (x0, x, ΔW, f: 4·8·N B = ${mb(32 * N)}): ${mem.join("; ")}`,
  );
  console.log(`    (a stored path would hold K·N doubles = ${mb(8 * N * K)})`);
  if (np !== null) {
    const r1 = (N * K) / s1 / 1e6 / np;
    const rT = (N * K) / sT / 1e6 / np;
    console.log(
      `  numpy (best of ${REPEATS}): ${np.toFixed(1)} M path-steps/s; ratio itolab/numpy: 1 thread ${r1.toFixed(2)}x, ${threads} threads ${rT.toFixed(2)}x (goal ≥ 2x numpy single-threaded)`,
    );
  }
}

if (!isMainThread && (workerData as Job | undefined)?.bench === "em-ou") {
  const parts = runBlocks((workerData as Job).blocks);
  parentPort?.postMessage(
    parts,
    parts.map((p) => p.buffer as ArrayBuffer),
  );
}
