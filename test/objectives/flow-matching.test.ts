import { exactMixtureVelocity, linearPath, velocityNet, vpPath } from "../../src/flow";
import { gaussianMixture } from "../../src/mixture";
import { affineScore } from "../../src/nn";
import { flowMatchingBatch, flowMatchingLoss } from "../../src/objectives";
import { createRng, fillNormal, fillUniform, spawn } from "../../src/rng";

const n = 6;
const [init, draws] = spawn(createRng(71), 2);
const x0 = fillNormal(draws, new Float64Array(n * 2));
const mix = gaussianMixture({
  weights: [0.6, 0.4],
  means: [-1, 0.5, 2, -1],
  covs: [1, 0.4, 0.4, 0.5, 0.3, 0, 0, 2],
});

describe("flowMatchingLoss", () => {
  it.each([
    ["linear", linearPath()],
    ["VP", vpPath()],
  ])("%s: adds ∂L/∂θ equal to central differences (MLP 2+4 → 8 → 2)", (_, path) => {
    const batch = flowMatchingBatch(draws.clone(), path, x0, n, 2, { tMin: 0.05 });
    const model = velocityNet({ dim: 2, hidden: [8], embedding: 4 });
    model.net.init(init.clone());
    for (const target of [undefined, exactMixtureVelocity(mix, path)]) {
      const loss = () =>
        flowMatchingLoss(model, path, batch, n, { weighting: (s) => 1 + s, target });
      model.zeroGrad();
      loss();
      const g = model.grad.slice();
      for (let i = 0; i < g.length; i += 3) {
        const p = model.params[i];
        model.params[i] = p + 1e-5;
        const up = loss();
        model.params[i] = p - 1e-5;
        const down = loss();
        model.params[i] = p;
        // central differences, h = 1e-5: truncation ~1e-10, rounding ~1e-11 relative to 1 + |g|
        expect(Math.abs(g[i] - (up - down) / 2e-5)).toBeLessThan(1e-6 * (1 + Math.abs(g[i])));
      }
    }
  });

  it("is the mean of ‖Ax + b − (α̇x0 + σ̇ε)‖² with the affine model (closed form)", () => {
    const path = linearPath();
    const batch = flowMatchingBatch(draws.clone(), path, x0, n, 2);
    const model = affineScore(2);
    model.params.set([-1.5, 0.3, 0.2, -0.7, 0.1, -0.4]);
    const perRow = new Float64Array(n);
    const L = flowMatchingLoss(model, path, batch, n, { perRow });
    let want = 0;
    for (let r = 0; r < n; r++) {
      const t = batch.t[r];
      const [a, b] = [0, 1].map((i) => (1 - t) * x0[2 * r + i] + t * batch.eps[2 * r + i]);
      const [u0, u1] = [-1.5 * a + 0.3 * b + 0.1, 0.2 * a - 0.7 * b - 0.4];
      const [g0, g1] = [0, 1].map((i) => batch.eps[2 * r + i] - x0[2 * r + i]); // ε − x0
      const row = (u0 - g0) ** 2 + (u1 - g1) ** 2;
      expect(perRow[r]).toBeCloseTo(row, 12);
      want += row / n;
    }
    // a handful of float operations on O(1) numbers: agreement to 1e-12
    expect(L).toBeCloseTo(want, 12);
  });
});

describe("flowMatchingBatch", () => {
  it("draws t ~ U(tMin, tMax) then ε, and copies x0", () => {
    const b = flowMatchingBatch(createRng(5), linearPath(), x0, n, 2, { tMin: 0.2, tMax: 0.6 });
    expect(b.t.every((t) => t >= 0.2 && t <= 0.6)).toBe(true);
    expect(Array.from(b.x0)).toEqual(Array.from(x0));
    const r = createRng(5);
    const u = fillUniform(r, new Float64Array(n));
    b.t.forEach((t, i) => expect(t).toBeCloseTo(0.2 + 0.4 * u[i], 15));
    const eps = fillNormal(r, new Float64Array(n * 2));
    expect(Array.from(b.eps)).toEqual(Array.from(eps));
  });
});
