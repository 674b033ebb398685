/**
 * Forward-mode tangent $\dot h_l = \sigma'(z_l)\odot W_l\dot h_{l-1}$ through an MLP,
 * and the reverse pass through it: what the implicit and sliced score-matching objectives need,
 * $v^\top J v$ and its gradient in θ. With $\dot z_l = W_l\dot h_{l-1}$,
 * $\bar z_{l-1} = \sigma'\odot W_l^\top\bar z_l + \sigma''\odot\dot z_{l-1}\odot W_l^\top\bar{\dot z}_l$,
 * $\bar{\dot z}_{l-1} = \sigma'\odot W_l^\top\bar{\dot z}_l$, $\bar W_l = \bar z_l h_{l-1}^\top + \bar{\dot z}_l\dot h_{l-1}^\top$.
 * @internal
 * @see Griewank & Walther (2008), Evaluating Derivatives, 2nd ed., §3.1 and §5.1 (forward mode; reverse over forward)
 */
import { activationSecond } from "./activation";
import type { TangentCache } from "./mlp-state";
import { gemmNN, gemmNT, gemmTN } from "../linalg";
import { addBlock } from "../fast";
import type { MlpState } from "./mlp-state";

function cache(m: MlpState): TangentCache {
  if (!m.tangent) {
    const n = m.capacity;
    const make = (): Float64Array[] => m.sizes.map((w) => new Float64Array(n * w));
    m.tangent = {
      th: make(),
      tz: make(),
      zAdj: make(),
      tAdj: make(),
      second: new Float64Array(n * Math.max(...m.sizes)),
    };
  }
  return m.tangent;
}

/** $(f(x), J_f(x)v)$, on arguments validated by `Mlp.forwardTangent`. @internal */
export function forwardTangent(
  m: MlpState,
  x: Float64Array,
  v: Float64Array,
  n: number,
): { out: Float64Array; tangent: Float64Array } {
  const s = m.sizes;
  const out = m.forward(x, n); // x, v and n validated by Mlp.forwardTangent
  m.tangentRows = n;
  const c = cache(m);
  c.th[0].set(v.subarray(0, n * s[0]));
  const L = m.layers;
  for (let l = 1; l <= L; l++) {
    gemmNT(c.th[l - 1], m.weight(l), c.tz[l], n, s[l], s[l - 1], false, m.kernel);
    if (l < L) {
      const d = m.dz[l];
      const tz = c.tz[l];
      const th = c.th[l];
      for (let i = 0; i < n * s[l]; i++) th[i] = d[i] * tz[i];
    }
  }
  return { out, tangent: c.tz[L].subarray(0, n * s[L]) };
}

/** grad += ∂(Σ G·f + Σ G_T·Jv)/∂θ, after forwardTangent on the same n rows (checked by the caller). @internal */
export function backwardTangent(
  m: MlpState,
  gOut: Float64Array,
  gTangent: Float64Array,
  n: number,
): void {
  const s = m.sizes;
  const L = m.layers;
  const c = cache(m); // the buffers of the last forwardTangent (Mlp.backwardTangent checked n)
  let zb = gOut;
  let tb = gTangent;
  for (let l = L; l >= 1; l--) {
    const gW = m.grad.subarray(m.wOffset[l - 1]);
    gemmTN(zb, m.h[l - 1], gW, s[l], s[l - 1], n, true, m.kernel);
    gemmTN(tb, c.th[l - 1], gW, s[l], s[l - 1], n, true, m.kernel);
    addBlock(m.grad, m.bOffset[l - 1], 0, zb, 0, s[l], n, s[l]); // columnSums (layer-ops.ts)
    if (l === 1) break;
    const w = s[l - 1];
    const hb = c.zAdj[l - 1];
    const thb = c.tAdj[l - 1];
    gemmNN(zb, m.weight(l), hb, n, w, s[l], false, m.kernel);
    gemmNN(tb, m.weight(l), thb, n, w, s[l], false, m.kernel);
    activationSecond(m.activation, m.z[l - 1], c.second, n * w);
    const d = m.dz[l - 1];
    const tz = c.tz[l - 1];
    const sec = c.second;
    for (let i = 0; i < n * w; i++) {
      hb[i] = hb[i] * d[i] + thb[i] * sec[i] * tz[i];
      thb[i] *= d[i];
    }
    zb = hb;
    tb = thb;
  }
}
