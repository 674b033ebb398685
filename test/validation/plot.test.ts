import { describeProbes } from "./harness";
import { probes } from "./plot.probes";

describeProbes("plot", probes);
