import { describeProbes } from "./harness";
import { probes } from "./symbolic.probes";

describeProbes("symbolic", probes);
