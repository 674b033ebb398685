import { describeProbes } from "./harness";
import { probes } from "./labs.probes";

describeProbes("labs", probes);
