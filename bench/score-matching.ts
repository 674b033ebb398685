/**
 * Denoising score matching on a 2-D swiss roll under the VP SDE: training steps per second of an
 * MLP 3→128→128→128→2 (SiLU, input (x, t)), batch 512, Adam (lr 1e-3), λ(t) = σ_t², t ~ U(1e-3, 1),
 * through the library's own code path (scoreNet + denoisingScoreMatching + Adam): float64 with the
 * WebAssembly SIMD GEMM kernel and with the plain-JavaScript one, and float32
 * (`scoreNet({ precision: "float32" })`, f32x4 kernels); next to
 * <repoRoot>/../shared/bench/dsm_torch.py (PyTorch CPU, one thread) in float32 and float64, run
 * in the same invocation, with the BLAS library that torch's process mapped (OpenBLAS, or the
 * reference BLAS that makes any ratio meaningless). Also the GEMM kernels alone on the dominant
 * shape 512 × 128 × 128.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { Adam, scoreNet } from "../src/nn";
import { gemmKernel, gemmNT, type GemmKernel } from "../src/linalg";
import { createWasmF32Kernels } from "../src/fast";
import { denoisingScoreMatching, dsmBatch } from "../src/objectives";
import { vpSde } from "../src/processes";
import { createRng, fillNormal, fillUniform, spawn, type Rng } from "../src/rng";
import { REPO_ROOT } from "./reference";

const H = 128;
const B = 512;
const SEED = 20250107;
const STEPS = { wasm: 300, js: 40, f32: 400 }; // about 3-5 s each at the rates measured here
/** about 3 s each; the CPU-time rate differences these and runs a quarter as long */
const TORCH_STEPS = { float32: 800, float64: 400 };

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
function train(
  kernel: GemmKernel,
  steps: number,
  precision: "float64" | "float32" = "float64",
): { rate: number; cpuRate: number; loss: number } {
  const [init, data] = spawn(createRng(SEED), 2);
  const sde = vpSde({ dim: 2 });
  const model = scoreNet({ dim: 2, hidden: [H, H, H], kernel, precision });
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

/** GFLOP/s of C = b + A Wᵀ on the float32 kernels (W stored transposed, as the float32 MLP keeps it). */
function gemmF32Rate(): number | null {
  const K = createWasmF32Kernels();
  if (K === null) return null;
  const [a, w, c] = [0, B * H, B * H + H * H];
  K.reserve(c + B * H + H);
  const rng = createRng(SEED);
  K.view.set(fillNormal(rng, new Float64Array(c)));
  const run = (): void => K.gemm(a, H, 1, w, H, c, H, c + B * H, 0, B, H, H);
  for (let i = 0; i < 5; i++) run();
  const reps = 400;
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) run();
  return (2 * B * H * H * reps) / ((performance.now() - t0) / 1000) / 1e9;
}

type Dtype = "float32" | "float64";

/**
 * Runs dsm_torch.py for `steps` steps inside a python that then prints its own CPU time
 * (user + system, all threads) on a line "cpu <seconds>" and the BLAS libraries it mapped
 * (/proc/self/maps) on a line "blas <paths>".
 */
function runTorch(
  file: string,
  steps: number,
  dtype: Dtype,
): { status: number | null; stdout: string; stderr: string; error?: Error } {
  const wrapper = [
    "import resource, runpy, sys",
    `sys.argv = [${JSON.stringify(file)}, "${H}", "${B}", "${steps}", "${dtype}"]`,
    `runpy.run_path(${JSON.stringify(file)}, run_name="__main__")`,
    "u = resource.getrusage(resource.RUSAGE_SELF)",
    'print(f"cpu {u.ru_utime + u.ru_stime}")',
    "maps = {l.split()[-1] for l in open('/proc/self/maps') if 'blas' in l.lower()}",
    'print("blas " + (", ".join(sorted(maps)) or "none mapped"))',
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
function torchRate(dtype: Dtype): { rate: number; cpuRate: number; blas: string } | null {
  const file = path.resolve(REPO_ROOT, "..", "shared", "bench", "dsm_torch.py");
  const steps = TORCH_STEPS[dtype];
  const short = runTorch(file, steps / 4, dtype);
  const r = runTorch(file, steps, dtype);
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
  const cpuRate = (0.75 * steps) / (cpu(r.stdout) - cpu(short.stdout));
  const blas = /blas (.*)/.exec(r.stdout)?.[1] ?? "unknown";
  return m ? { rate: Number(m[1]), cpuRate, blas } : null;
}

/** The system BLAS that update-alternatives selects (Debian's torch links libblas.so.3). */
function systemBlas(): string {
  const r = spawnSync("update-alternatives", ["--display", "libblas.so.3-x86_64-linux-gnu"], {
    encoding: "utf8",
  });
  const line = /link currently points to (.*)/.exec(r.stdout ?? "")?.[1];
  return line ?? `unknown (update-alternatives: ${r.error?.message ?? r.stderr?.trim() ?? ""})`;
}

/** Runs the benchmark and prints its report. */
export async function run(): Promise<void> {
  console.log(
    `score-matching: DSM training, MLP 3→${H}→${H}→${H}→2 SiLU, batch ${B}, Adam, VP SDE, swiss roll`,
  );
  const wasm = gemmKernel("wasm");
  const js = gemmKernel("js");
  const f32 = gemmF32Rate();
  console.log(
    `  GEMM 512×128×128: wasm f64x2 2×4 ${gemmRate(wasm).toFixed(2)} GFLOP/s, plain JS 2×4 ${gemmRate(js).toFixed(2)} GFLOP/s (C = A Bᵀ, packing included); wasm f32x4 4×8 ${f32 === null ? "unavailable" : f32.toFixed(2)} GFLOP/s (C = b + A Wᵀ, W kept transposed)`,
  );
  const tw = train(wasm, STEPS.wasm);
  const tf = train(wasm, STEPS.f32, "float32");
  const tj = train(js, STEPS.js);
  const torch32 = torchRate("float32");
  const torch64 = torchRate("float64");
  const row = (name: string, t: { rate: number; cpuRate: number }, extra = ""): void =>
    console.log(
      `  ${name} ${t.rate.toFixed(1)} steps/s wall, ${t.cpuRate.toFixed(1)} steps/s CPU${extra}`,
    );
  row("itolab float64 wasm SIMD:", tw, ` (${STEPS.wasm} steps), final loss ${tw.loss.toFixed(3)}`);
  row("itolab float32 wasm SIMD:", tf, ` (${STEPS.f32} steps), final loss ${tf.loss.toFixed(3)}`);
  row("itolab float64 plain JS: ", tj, ` (${STEPS.js} steps), final loss ${tj.loss.toFixed(3)}`);
  if (torch32 !== null)
    row("torch float32 (1 thread):", torch32, ` (${TORCH_STEPS.float32} steps)`);
  if (torch64 !== null)
    row("torch float64 (1 thread):", torch64, ` (${TORCH_STEPS.float64} steps)`);
  if (torch32 === null || torch64 === null) return;
  const blas = torch32.blas;
  const openblas = /openblas/i.test(blas);
  console.log(
    `  torch's BLAS: ${blas} (system libblas.so.3 → ${systemBlas()})${openblas ? "" : "; NOT OpenBLAS: torch runs the reference BLAS and the ratios below flatter itolab (apt-get install libopenblas0-pthread)"}`,
  );
  // wall clocks of runs seconds apart swing with the machine's load; CPU time much less
  const r = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;
  console.log(
    `  ratio itolab/torch by CPU time: float32 ${r(tf.cpuRate, torch32.cpuRate)} of torch float32 (goal ≥ 0.35x), float64 ${r(tw.cpuRate, torch64.cpuRate)} of torch float64, float64 ${r(tw.cpuRate, torch32.cpuRate)} of torch float32, plain JS ${r(tj.cpuRate, torch32.cpuRate)} of torch float32`,
  );
  console.log(
    `  ratio itolab/torch by wall clock: float32 ${r(tf.rate, torch32.rate)} of torch float32, float64 ${r(tw.rate, torch64.rate)} of torch float64`,
  );
  await Promise.resolve();
}
