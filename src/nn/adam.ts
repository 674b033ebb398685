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
  /** ε (default 1e-8) */
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
    const { lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8 } = options;
    if (!Number.isInteger(size) || size < 1) {
      throw new RangeError(`adam: size must be a positive integer, got ${size}`);
    }
    const check = (name: string, v: number, ok: boolean): void => {
      if (typeof v !== "number" || !ok)
        throw new RangeError(`adam: ${name} out of range, got ${v}`);
    };
    check("lr", lr, lr > 0 && Number.isFinite(lr));
    check("beta1", beta1, beta1 >= 0 && beta1 < 1);
    check("beta2", beta2, beta2 >= 0 && beta2 < 1);
    check("eps", eps, eps >= 0 && Number.isFinite(eps));
    this.lr = lr;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }

  /** One step on params from grad (same length as at construction). @param params (P) updated in place @param grad (P) */
  step(params: Float64Array, grad: Float64Array): void {
    const { m, v, beta1: b1, beta2: b2, eps } = this;
    if (params.length !== m.length || grad.length !== m.length) {
      throw new RangeError(
        `Adam.step: params and grad must have length ${m.length}, got ${params.length} and ${grad.length}`,
      );
    }
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
  return new Adam(size, options);
}
