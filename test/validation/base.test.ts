import { describeProbes } from "./harness";
import { probes } from "./base.probes";

describeProbes("base", probes);
