import { describeProbes } from "./harness";
import { probes } from "./fast.probes";

describeProbes("fast", probes);
