/**
 * Every live figure of the lecture notes, one file each (issue 24). The notes build places each
 * where its notebook's figure is; the page's worker runs their `compute`.
 */
import { LiveFigureSpec } from "../spec";
import { quadraticVariationLive } from "./00-quadratic-variation";
import { scalingLive } from "./00-scaling";
import { evaluationPointLive } from "./01-evaluation-point";
import { isometryLive } from "./01-isometry";
import { stabilityLive } from "./02-stability";
import { strongOrderLive } from "./02-strong-order";
import { fluxLive } from "./03-flux";
import { ouDensityLive } from "./03-ou-density";
import { probabilityFlowLive } from "./04-probability-flow";
import { scoreTermLive } from "./04-score-term";
import { empiricalBayesLive } from "./05-empirical-bayes";
import { tweedieNoiseLive } from "./05-tweedie-noise";
import { ddpmScheduleLive } from "./06-ddpm-schedule";
import { elboTermsLive } from "./06-elbo-terms";
import { lossWeightingLive } from "./07-loss-weighting";
import { samplerLive } from "./07-sampler";
import { trainLive } from "./07-train";
import { guidanceScaleLive } from "./08-guidance-scale";
import { langevinStepLive } from "./08-langevin-step";
import { bridgePinningLive } from "./09-bridge-pinning";
import { cldFrictionLive } from "./09-cld-friction";
import { flowFloorLive } from "./10-flow-floor";
import { flowStepsLive } from "./10-flow-steps";
import { modelErrorLive } from "./11-model-error";
import { samplerOrderLive } from "./11-sampler-order";
import { girsanovDriftLive } from "./12-girsanov-drift";
import { picardLipschitzLive } from "./12-picard-lipschitz";
import { earlyStoppingLive } from "./13-early-stopping";
import { scoreBlowupLive } from "./13-score-blowup";

/** In lecture order, by file name. */
export const liveFigures: readonly LiveFigureSpec[] = [
  quadraticVariationLive,
  scalingLive,
  evaluationPointLive,
  isometryLive,
  stabilityLive,
  strongOrderLive,
  fluxLive,
  ouDensityLive,
  probabilityFlowLive,
  scoreTermLive,
  empiricalBayesLive,
  tweedieNoiseLive,
  ddpmScheduleLive,
  elboTermsLive,
  lossWeightingLive,
  samplerLive,
  trainLive,
  guidanceScaleLive,
  langevinStepLive,
  bridgePinningLive,
  cldFrictionLive,
  flowFloorLive,
  flowStepsLive,
  modelErrorLive,
  samplerOrderLive,
  girsanovDriftLive,
  picardLipschitzLive,
  earlyStoppingLive,
  scoreBlowupLive,
];
