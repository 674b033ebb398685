import { describeProbes } from "./harness";
import { probes } from "./diffusion.probes";

describeProbes("diffusion", probes);
