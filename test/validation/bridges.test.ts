import { describeProbes } from "./harness";
import { probes } from "./bridges.probes";

describeProbes("bridges", probes);
