// Jest reporter that ends the run with one plain line, e.g. "jest: 12 passed, 0 failed, 1 skipped".
// Written at process exit so it comes after Jest's own summary.
'use strict';

const fs = require('fs');

let line = '';

class SummaryReporter {
  onRunComplete(_contexts, r) {
    const skipped = r.numPendingTests + r.numTodoTests;
    if (!line) process.once('exit', () => fs.writeSync(process.stdout.fd, line));
    line = `jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
  }
}

module.exports = SummaryReporter;
