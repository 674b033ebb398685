export { describeValue, isFloat64Array } from "./describe-value";
export {
  requireFinite,
  requireNotNaN,
  requirePositive,
  requireNonNegative,
  requireInRange,
  requireInteger,
} from "./validate-number";
export {
  optionalFinite,
  optionalPositive,
  optionalNonNegative,
  optionalInRange,
  optionalInteger,
} from "./optional-number";
export { requireTime, TIME_SLACK } from "./require-time";
export type { TimeOptions } from "./require-time";
export { requireIndex } from "./require-index";
export {
  requireFloat64Array,
  requireAllFinite,
  requireFiniteArray,
  requirePoints,
  requireRows,
  requireSample,
} from "./validate-array";
export type { LengthSpec } from "./validate-array";
export { requireRowsAtLeast, requireBatch, requireBatchAt } from "./require-batch";
export type { RowsAtLeastOptions, BatchOptions } from "./require-batch";
export { requireNumberArray } from "./require-number-array";
export { requireFunction, requireOptions, requireOneOf, requireInterface } from "./validate-object";
export { requireOption } from "./require-option";
export { requireBoolean } from "./require-boolean";
export { requireNonEmptyString } from "./require-string";
export { linspace } from "./linspace";
export { row } from "./row";
export { column } from "./column";
