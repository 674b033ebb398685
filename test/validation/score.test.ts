import { describeProbes } from "./harness";
import { probes } from "./score.probes";

describeProbes("score", probes);
