import { describeProbes } from "./harness";
import { probes } from "./nn.probes";

describeProbes("nn", probes);
