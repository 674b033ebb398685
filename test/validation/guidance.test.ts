import { describeProbes } from "./harness";
import { probes } from "./guidance.probes";

describeProbes("guidance", probes);
