import { describeProbes } from "./harness";
import { probes } from "./objectives.probes";

describeProbes("objectives", probes);
