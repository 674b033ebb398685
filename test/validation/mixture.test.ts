import { describeProbes } from "./harness";
import { probes } from "./mixture.probes";

describeProbes("mixture", probes);
