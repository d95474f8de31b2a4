// jest testSequencer: the suites that wait on a production build or a browser start first, the two builds' first
// users on different workers (the pane build and the WPS build then run side by side), then jest's own order
// (last failures first, then the slowest). Order only: every suite still runs.
'use strict';
const path = require('path');
const Sequencer = require('@jest/test-sequencer').default;

const FIRST = [
  'test/build/bundle.test.ts', // builds the pane (test/helpers/builds.ts)
  'test/build/wps.test.ts', // builds the WPS folder
  'test/e2e/submissions.test.ts',
  'test/e2e/pane.test.ts',
  'test/e2e/wps.test.ts',
  'test/xlsx/recalc-all.test.ts', // LibreOffice recalculates every written workbook
  'test/xlsx/libreoffice.test.ts',
];
const ROOT = path.join(__dirname, '..', '..');

class SlowFirst extends Sequencer {
  async sort(tests) {
    const rank = (t) => {
      const i = FIRST.indexOf(path.relative(ROOT, t.path).split(path.sep).join('/'));
      return i < 0 ? FIRST.length : i;
    };
    const rest = await super.sort(tests);
    return [...rest].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = SlowFirst;
