import { describeProbes } from "./harness";
import { probes } from "./processes.probes";

describeProbes("processes", probes);
