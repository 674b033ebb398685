import { describeProbes } from "./harness";
import { probes } from "./brownian.probes";

describeProbes("brownian", probes);
