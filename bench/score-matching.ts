/**
 * Denoising score matching on a 2-D swiss roll under the VP SDE: training steps per second of an
 * MLP 3→128→128→128→2 (SiLU, input (x, t)), batch 512, Adam (lr 1e-3), λ(t) = σ_t², t ~ U(1e-3, 1),
 * through the library's own code path (scoreNet + denoisingScoreMatching + Adam), once with the
 * WebAssembly SIMD GEMM kernel and once with the plain-JavaScript one; next to
 * <repoRoot>/../shared/bench/dsm_torch.py (PyTorch CPU, one thread, float32) run in the same
 * invocation. Also the GEMM kernels alone on the dominant shape 512 × 128 × 128.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { Adam, scoreNet } from "../src/nn";
import { gemmKernel, gemmNT, type GemmKernel } from "../src/linalg";
import { denoisingScoreMatching, dsmBatch } from "../src/objectives";
import { vpSde } from "../src/processes";
import { createRng, fillNormal, fillUniform, spawn, type Rng } from "../src/rng";
import { REPO_ROOT } from "./reference";

const H = 128;
const B = 512;
const SEED = 20250107;
const STEPS = { wasm: 300, js: 40 }; // about 5 s each at the rates measured here
const TORCH_STEPS = 800; // about 4 s; the CPU-time rate differences this and a run of 200

/** Swiss roll as dsm_torch.py draws it: s ~ U(1.5π, 4.5π), (s cos s, s sin s)/10 + 0.02 N(0, I). */
function swissRoll(rng: Rng, n: number): Float64Array {
  const u = fillUniform(rng, new Float64Array(n));
  const z = fillNormal(rng, new Float64Array(2 * n), 0, 0.02);
  const x = new Float64Array(2 * n); // (n, 2) row-major
  for (let r = 0; r < n; r++) {
    const s = 1.5 * Math.PI + 3 * Math.PI * u[r];
    x[2 * r] = (s * Math.cos(s)) / 10 + z[2 * r];
    x[2 * r + 1] = (s * Math.sin(s)) / 10 + z[2 * r + 1];
  }
  return x;
}

/** Wall-clock and CPU-time steps per second, final loss, of `steps` DSM steps with the kernel. */
function train(kernel: GemmKernel, steps: number): { rate: number; cpuRate: number; loss: number } {
  const [init, data] = spawn(createRng(SEED), 2);
  const sde = vpSde({ dim: 2 });
  const model = scoreNet({ dim: 2, hidden: [H, H, H], kernel });
  model.net.init(init);
  const opt = new Adam(model.params.length, { lr: 1e-3 });
  let loss = NaN;
  const step = (): void => {
    const batch = dsmBatch(data, sde, swissRoll(data, B), B, 2);
    model.zeroGrad();
    loss = denoisingScoreMatching(model, sde, batch, B);
    opt.step(model.params, model.grad);
  };
  for (let i = 0; i < 5; i++) step(); // warm-up (JIT, buffers)
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < steps; i++) step();
  const c1 = process.cpuUsage(c0);
  return {
    rate: steps / ((performance.now() - t0) / 1000),
    cpuRate: steps / ((c1.user + c1.system) / 1e6),
    loss,
  };
}

/** GFLOP/s of C = A Bᵀ, 512 × 128 × 128, including packing. */
function gemmRate(kernel: GemmKernel): number {
  const rng = createRng(SEED);
  const a = fillNormal(rng, new Float64Array(B * H));
  const b = fillNormal(rng, new Float64Array(H * H));
  const c = new Float64Array(B * H);
  for (let i = 0; i < 5; i++) gemmNT(a, b, c, B, H, H, false, kernel);
  const reps = kernel.kind === "wasm" ? 200 : 30;
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) gemmNT(a, b, c, B, H, H, false, kernel);
  return (2 * B * H * H * reps) / ((performance.now() - t0) / 1000) / 1e9;
}

/**
 * Runs dsm_torch.py for `steps` steps inside a python that then prints its own CPU time
 * (user + system, all threads) on a last line "cpu <seconds>".
 */
function runTorch(
  file: string,
  steps: number,
): { status: number | null; stdout: string; stderr: string; error?: Error } {
  const wrapper = [
    "import resource, runpy, sys",
    `sys.argv = [${JSON.stringify(file)}, "${H}", "${B}", "${steps}"]`,
    `runpy.run_path(${JSON.stringify(file)}, run_name="__main__")`,
    "u = resource.getrusage(resource.RUSAGE_SELF)",
    'print(f"cpu {u.ru_utime + u.ru_stime}")',
  ].join("\n");
  return spawnSync("/usr/bin/python3", ["-c", wrapper], {
    encoding: "utf8",
    env: { ...process.env, OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" },
  });
}

/**
 * dsm_torch.py's steps/s by its own wall clock, and by CPU time: the CPU seconds of a run of
 * TORCH_STEPS steps minus those of a run of TORCH_STEPS / 4 steps (which removes python's start-up
 * and torch's import), per step. Null with the reason printed when torch is missing.
 */
function torchRate(): { rate: number; cpuRate: number } | null {
  const file = path.resolve(REPO_ROOT, "..", "shared", "bench", "dsm_torch.py");
  const short = runTorch(file, TORCH_STEPS / 4);
  const r = runTorch(file, TORCH_STEPS);
  if (r.status !== 0) {
    const missing = /No module named .?torch/.test(r.stderr ?? "");
    console.log(
      missing
        ? "  torch: python3-torch is missing; install it with `apt-get install python3-torch`"
        : `  torch: ${file} failed (${r.error?.message ?? r.stderr.trim().split("\n").pop()})`,
    );
    return null;
  }
  const lines = r.stdout.trim().split("\n");
  console.log(`  ${lines[0]}`);
  const m = /([\d.]+) steps\/s/.exec(r.stdout);
  const cpu = (out: string): number => Number(/cpu ([\d.]+)/.exec(out)?.[1]);
  const cpuRate = (0.75 * TORCH_STEPS) / (cpu(r.stdout) - cpu(short.stdout));
  return m ? { rate: Number(m[1]), cpuRate } : null;
}

/** Runs the benchmark and prints its report. */
export async function run(): Promise<void> {
  console.log(
    `score-matching: DSM training, MLP 3→${H}→${H}→${H}→2 SiLU, batch ${B}, Adam, VP SDE, swiss roll, float64`,
  );
  const wasm = gemmKernel("wasm");
  const js = gemmKernel("js");
  console.log(
    `  GEMM 512×128×128 (C = A Bᵀ, packing included): wasm f64x2 2×4 ${gemmRate(wasm).toFixed(2)} GFLOP/s, plain JS 2×4 ${gemmRate(js).toFixed(2)} GFLOP/s`,
  );
  const tw = train(wasm, STEPS.wasm);
  const tj = train(js, STEPS.js);
  const torch = torchRate();
  const row = (name: string, t: { rate: number; cpuRate: number }, extra = ""): void =>
    console.log(
      `  ${name} ${t.rate.toFixed(1)} steps/s wall, ${t.cpuRate.toFixed(1)} steps/s CPU${extra}`,
    );
  row("itolab wasm SIMD kernel:", tw, ` (${STEPS.wasm} steps), final loss ${tw.loss.toFixed(3)}`);
  row("itolab plain-JS kernel: ", tj, ` (${STEPS.js} steps), final loss ${tj.loss.toFixed(3)}`);
  if (torch !== null) {
    row("torch (1 thread):       ", torch, ` (${TORCH_STEPS} steps)`);
    // wall clocks of runs seconds apart swing with the machine's load; CPU time much less
    console.log(
      `  ratio itolab/torch by CPU time: wasm ${(tw.cpuRate / torch.cpuRate).toFixed(2)}x, plain JS ${(tj.cpuRate / torch.cpuRate).toFixed(2)}x; by wall clock: wasm ${(tw.rate / torch.rate).toFixed(2)}x (goal ≥ 0.25x)`,
    );
  }
  await Promise.resolve();
}
