import { optionalFinite, requireFiniteArray, requireInteger, requireOptions } from "../base";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { sqrt, pow } = Math;

/** Adam's hyper-parameters. */
export interface AdamOptions {
  /** step size α (default 1e-3) */
  lr?: number;
  /** β₁ (default 0.9) */
  beta1?: number;
  /** β₂ (default 0.999) */
  beta2?: number;
  /** ε > 0 (default 1e-8) */
  eps?: number;
}

/**
 * $m \leftarrow \beta_1 m + (1-\beta_1)g$, $v \leftarrow \beta_2 v + (1-\beta_2)g^2$,
 * $\theta \leftarrow \theta - \alpha\,\hat m/(\sqrt{\hat v} + \varepsilon)$ with
 * $\hat m = m/(1-\beta_1^t)$, $\hat v = v/(1-\beta_2^t)$. Final: wrap, do not extend.
 * @see Kingma & Ba (2015), ICLR, Algorithm 1
 */
export class Adam {
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  /** steps taken */
  t = 0;

  constructor(size: number, options: AdamOptions = {}) {
    const { lr, beta1, beta2, eps } = checkAdamArgs("Adam", size, options);
    this.lr = lr;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }

  /**
   * One step on params from grad, both of the length given at construction and finite (checked
   * before any update). @param params (P) updated in place @param grad (P)
   */
  step(params: Float64Array, grad: Float64Array): void {
    const { m, v, beta1: b1, beta2: b2, eps } = this;
    // checked before any update: a NaN gradient would otherwise spread to every parameter
    requireFiniteArray("Adam.step", "params", params, m.length);
    requireFiniteArray("Adam.step", "grad", grad, m.length);
    this.t++;
    const a = this.lr / (1 - pow(b1, this.t));
    const c2 = 1 / (1 - pow(b2, this.t));
    for (let i = 0; i < m.length; i++) {
      const g = grad[i];
      const mi = b1 * m[i] + (1 - b1) * g;
      const vi = b2 * v[i] + (1 - b2) * g * g;
      m[i] = mi;
      v[i] = vi;
      params[i] -= (a * mi) / (sqrt(vi * c2) + eps);
    }
  }
}

/**
 * An {@link Adam} optimiser for P parameters: $\theta \leftarrow \theta - \alpha\hat m/(\sqrt{\hat v}+\varepsilon)$.
 * @param size P, number of parameters @param options lr, beta1, beta2, eps
 * @see Kingma & Ba (2015), ICLR, Algorithm 1
 */
export function adam(size: number, options: AdamOptions = {}): Adam {
  checkAdamArgs("adam", size, options);
  return new Adam(size, options);
}

/**
 * Throws unless size is a positive integer and options hold lr > 0, β₁, β₂ in [0, 1) and ε > 0
 * (ε = 0 would divide 0 by 0 for a parameter whose gradient is still 0); returns them with the
 * defaults. `fn` names the caller.
 */
function checkAdamArgs(fn: string, size: number, options: AdamOptions): Required<AdamOptions> {
  requireInteger(fn, "size", size, 1);
  const o = requireOptions(fn, options);
  const get = (
    name: keyof AdamOptions,
    fallback: number,
    what: string,
    ok: (v: number) => boolean,
  ) => optionalFinite(fn, `options.${name}`, o[name], what, ok) ?? fallback;
  return {
    lr: get("lr", 1e-3, "a finite number > 0", (v) => v > 0),
    beta1: get("beta1", 0.9, "a number in [0, 1)", (v) => v >= 0 && v < 1),
    beta2: get("beta2", 0.999, "a number in [0, 1)", (v) => v >= 0 && v < 1),
    eps: get("eps", 1e-8, "a finite number > 0", (v) => v > 0),
  };
}
