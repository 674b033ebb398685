import { describeProbes } from "./harness";
import { probes } from "./denoise.probes";

describeProbes("denoise", probes);
