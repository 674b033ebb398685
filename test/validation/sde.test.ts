import { describeProbes } from "./harness";
import { probes } from "./sde.probes";

describeProbes("sde", probes);
