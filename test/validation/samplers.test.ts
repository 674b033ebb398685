import { describeProbes } from "./harness";
import { probes } from "./samplers.probes";

describeProbes("samplers", probes);
