import { describeProbes } from "./harness";
import { probes } from "./langevin.probes";

describeProbes("langevin", probes);
