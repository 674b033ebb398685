import { describeProbes } from "./harness";
import { probes } from "./rng.probes";

describeProbes("rng", probes);
