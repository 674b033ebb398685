import { describeProbes } from "./harness";
import { probes } from "./flow.probes";

describeProbes("flow", probes);
