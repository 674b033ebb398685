import { describeProbes } from "./harness";
import { probes } from "./stats.probes";

describeProbes("stats", probes);
