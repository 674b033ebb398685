// Unit tests first (fastest first by jest's cache), notebook execution last: `npm test` runs the
// unit tests and then executes the notebooks, as the README promises.
const Sequencer = require("@jest/test-sequencer").default;

const isNotebookSuite = (test) => /[\\/]test[\\/]notebooks\.test\.ts$/.test(test.path);

class UnitThenNotebooks extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    return [...sorted.filter((t) => !isNotebookSuite(t)), ...sorted.filter(isNotebookSuite)];
  }
}

module.exports = UnitThenNotebooks;
