/** Bad input that once gave a plausible answer or an unhelpful message (issue 18), one per row. */
import {
  ddpmLoss,
  ddpmPosterior,
  ddpmSchedule,
  gaussianDataReverseModel,
  mixtureEpsPredictor,
  reverseModelMarginals,
} from "../../src/diffusion";
import { gaussianMixture } from "../../src/mixture";
import { createRng } from "../../src/rng";

describe("diffusion bad input", () => {
  const s = ddpmSchedule({ steps: 10 });
  const data = gaussianMixture({ weights: [1], means: [0], covs: [1] });
  const model = gaussianDataReverseModel(s, {
    dataMean: 0,
    dataVariance: 1,
    reverseVariance: "beta",
  });
  it.each([
    [
      // was: pushForward: scale must be a finite number, got NaN
      () => mixtureEpsPredictor(s, data)(11, Float64Array.of(1), new Float64Array(1), 1),
      RangeError,
      "mixtureEpsPredictor: t must be an integer step in [1, 10], got 11",
    ],
    [
      // was: 1 row computed, out[1] left as it was
      () => mixtureEpsPredictor(s, data)(3, Float64Array.of(1), new Float64Array(2), 2),
      RangeError,
      "mixtureEpsPredictor: xt must hold (n, d) = (2, 1) values, length 2, got length 1",
    ],
    [
      // was: a NaN loss
      () => ddpmLoss(createRng(1), s, Float64Array.of(1, 2), 1, (_t, _x, out) => out.fill(NaN)),
      RangeError,
      /^ddpmLoss: predictor returned NaN at step t = \d+ \(row \d\)$/,
    ],
    [
      // was: NaN marginals
      () =>
        reverseModelMarginals({ ...model, slope: model.slope.map((v, t) => (t === 4 ? NaN : v)) }),
      RangeError,
      "reverseModelMarginals: model.slope[4] must be a finite number, got NaN",
    ],
    [
      // was: RangeError
      () => ddpmSchedule({ steps: "10" as never }),
      TypeError,
      'ddpmSchedule: steps must be a positive integer, got "10"',
    ],
    [
      // was: RangeError
      () => ddpmPosterior(s, "2" as never),
      TypeError,
      'ddpmPosterior: t must be an integer step in [1, 10], got "2"',
    ],
  ])("%#", (call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
