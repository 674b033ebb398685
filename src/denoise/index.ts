export { tweedieMean, tweedieVariance } from "./tweedie";
export { idealDenoiser, empiricalScore } from "./ideal-denoiser";
export { mixturePosterior } from "./mixture-posterior";
