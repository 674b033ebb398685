import { describeProbes } from "./harness";
import { probes } from "./linalg.probes";

describeProbes("linalg", probes);
