/** Memory probe for the benchmarks: live bytes held while `integrate` runs. */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { brownianStream, uniformGrid, type BrownianSource } from "../src/brownian";
import { ornsteinUhlenbeck } from "../src/processes";
import { createRng } from "../src/rng";
import { eulerMaruyama, integrate } from "../src/sde";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void; // a full GC, without starting node with a flag

/**
 * Live heap + typed-array bytes while integrating EM on dX = −X dt + dW for n paths for k steps, above a baseline taken
 * before x0 is allocated: each reading follows a full GC, at steps k/2 and k − 1 inside integrate.
 * The baseline waits for freed backing stores to be accounted (V8 releases them lazily).
 */
export async function liveBytes(n: number, k: number): Promise<number> {
  const used = (): number => {
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  for (let i = 0; i < 2; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const before = used();
  let peak = 0;
  const stream = brownianStream(createRng(0), uniformGrid(0, 1, k), n, 1);
  const probe: BrownianSource = {
    grid: stream.grid,
    paths: n,
    dim: 1,
    levyArea: false,
    increments(step, dW, dZ) {
      stream.increments(step, dW, dZ);
      if (step === k >> 1 || step === k - 1) peak = Math.max(peak, used() - before);
    },
  };
  integrate(ornsteinUhlenbeck().sde, eulerMaruyama, new Float64Array(n), probe);
  return peak;
}
