import { describeProbes } from "./harness";
import { probes } from "./reverse.probes";

describeProbes("reverse", probes);
