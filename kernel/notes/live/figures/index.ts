/**
 * Every live figure of the lecture notes, one file each (issue 24). The notes build places each
 * where its notebook's figure is; the page's worker runs their `compute`.
 */
import { LiveFigureSpec } from "../spec";
import { stabilityLive } from "./02-stability";
import { strongOrderLive } from "./02-strong-order";
import { probabilityFlowLive } from "./04-probability-flow";
import { scoreTermLive } from "./04-score-term";
import { empiricalBayesLive } from "./05-empirical-bayes";
import { tweedieNoiseLive } from "./05-tweedie-noise";
import { guidanceScaleLive } from "./08-guidance-scale";
import { langevinStepLive } from "./08-langevin-step";
import { modelErrorLive } from "./11-model-error";
import { samplerOrderLive } from "./11-sampler-order";

export const liveFigures: readonly LiveFigureSpec[] = [strongOrderLive, stabilityLive, scoreTermLive, probabilityFlowLive, tweedieNoiseLive, empiricalBayesLive, langevinStepLive, guidanceScaleLive, samplerOrderLive, modelErrorLive];
