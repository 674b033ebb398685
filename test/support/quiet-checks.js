// Checks print one evidence line when they pass (for notebooks and lecture notes). Unit tests
// keep their output for failures: route evidence lines nowhere unless ITOLAB_CHECK_VERBOSE=1.
if (process.env.ITOLAB_CHECK_VERBOSE !== "1") {
  process.env.ITOLAB_CHECK_QUIET = "1";
}
