// Closes a jest run with the notebook report (one line per notebook, failures with their cell
// and error, then `N passed, N failed[, N skipped]`, as `npm run notebooks` prints it) and one
// plain line, `tests: N passed, N failed, N skipped`. test/notebooks.test.ts writes the notebook
// report to build/notebooks/REPORT.txt; a report older than this run is not shown.
const fs = require("fs");
const path = require("path");

const REPORT = path.resolve(__dirname, "..", "..", "build", "notebooks", "REPORT.txt");

class SummaryReporter {
  onRunStart() {
    this.started = Date.now();
  }

  onRunComplete(_contexts, results) {
    let notebooks = "";
    try {
      if (fs.statSync(REPORT).mtimeMs >= this.started) notebooks = fs.readFileSync(REPORT, "utf8");
    } catch {
      // the notebook suite did not run (a filtered run)
    }
    if (notebooks)
      process.stdout.write(`\nnotebooks:\n${notebooks.replace(/^/gm, "  ").trimEnd()}\n`);
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(
      `\ntests: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`,
    );
  }
}

module.exports = SummaryReporter;
