import { describeProbes } from "./harness";
import { probes } from "./check.probes";

describeProbes("check", probes);
