import { describeProbes } from "./harness";
import { probes } from "./fokker-planck.probes";

describeProbes("fokker-planck", probes);
