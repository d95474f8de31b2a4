// jest globalTeardown: stop this run's preview server and remove its shared builds (test/helpers/globalSetup.js).
'use strict';
const { stopRun } = require('./runDirs');

module.exports = async function globalTeardown() {
  const dir = process.env.ANNEX_TEST_RUN_DIR;
  if (dir) stopRun(dir, true);
};
