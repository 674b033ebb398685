export { describeValue, isFloat64Array } from "./describe-value";
export {
  requireFinite,
  requireNotNaN,
  requirePositive,
  requireNonNegative,
  requireInRange,
  requireInteger,
  requireTime,
} from "./validate-number";
export {
  requireFloat64Array,
  requireAllFinite,
  requireFiniteArray,
  requirePoints,
  requireRows,
  requireSample,
} from "./validate-array";
export { requireFunction, requireOptions, requireOneOf, requireInterface } from "./validate-object";
export { linspace } from "./linspace";
export { row } from "./row";
export { column } from "./column";
