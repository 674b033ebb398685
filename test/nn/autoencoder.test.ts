import { createRng, fillNormal } from "../../src/rng";
import { autoencoder } from "../../src/nn";
import { pca } from "../../src/stats";

const SEED = 1316; // initialisation and data; any seed works

describe("autoencoder", () => {
  it("step's gradient is the central difference of the reconstruction loss", () => {
    const rng = createRng(SEED);
    // lr 1e-300: Adam's step moves each parameter by ≤ 1e-300, so the gradient is read in place
    const ae = autoencoder(rng, {
      dim: 4,
      latentDim: 2,
      hidden: [5],
      activation: "tanh",
      adam: { lr: 1e-300 },
    });
    const n = 7;
    const x = fillNormal(rng, new Float64Array(n * 4));
    const L0 = ae.step(x, n);
    expect(L0).toBeCloseTo(ae.loss(x, n), 14);
    for (const net of [ae.encoder, ae.decoder]) {
      const g = net.grad.slice();
      for (let i = 0; i < net.params.length; i += 3) {
        const v = net.params[i];
        net.params[i] = v + 1e-6;
        const up = ae.loss(x, n);
        net.params[i] = v - 1e-6;
        const down = ae.loss(x, n);
        net.params[i] = v;
        const fd = (up - down) / 2e-6;
        // δ = 1e-6: truncation δ²·|∂³L|/6 ≲ 1e-11, rounding 1e-16·L/δ ≈ 1e-9: tol 1e-7
        expect(Math.abs(g[i] - fd)).toBeLessThan(1e-7 * (1 + Math.abs(fd)));
      }
    }
  });
  it("learns data on a 2-D plane in R⁶ to a small fraction of the PCA tail it cannot beat", () => {
    const rng = createRng(SEED + 1);
    const D = 6;
    const n = 256;
    const u = fillNormal(rng, new Float64Array(n * 2));
    const noise = fillNormal(rng, new Float64Array(n * D), 0, 0.01);
    const x = new Float64Array(n * D);
    for (let i = 0; i < n; i++)
      for (let a = 0; a < D; a++)
        x[i * D + a] = u[2 * i] * Math.cos(a) + u[2 * i + 1] * Math.sin(2 * a) + noise[i * D + a];
    const ae = autoencoder(rng, { dim: D, latentDim: 2, hidden: [16], adam: { lr: 1e-2 } });
    const start = ae.loss(x, n);
    for (let s = 0; s < 1500; s++) ae.step(x, n);
    const end = ae.loss(x, n);
    // PCA's error, Σ_{j>2} λ_j ≈ 4·1e-4, is the floor of any rank-2 map through a plane; the total
    // variance is ≈ 6. A trained autoencoder must reach a few % of the variance (measured ≈ 1e-3)
    const floor = pca(x, D, 2)
      .spectrum.slice(2)
      .reduce((a, b) => a + b);
    expect(end).toBeLessThan(0.02 * start);
    expect(end).toBeGreaterThan(0.5 * floor);
    const z = new Float64Array(n * 2);
    const xh = new Float64Array(n * D);
    ae.encode(x, z, n);
    ae.decode(z, xh, n);
    let l = 0;
    for (let i = 0; i < n * D; i++) l += (xh[i] - x[i]) ** 2 / n;
    expect(l).toBeCloseTo(end, 12);
  });
});
