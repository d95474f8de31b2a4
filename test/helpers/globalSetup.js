// jest globalSetup: a directory of this run's own for the builds the suites share (test/helpers/builds.ts), passed
// to the workers in ANNEX_TEST_RUN_DIR. Nothing is built here: a suite builds what it needs on first use, so a run
// of unit tests builds nothing. Runs left behind by an interrupted jest are cleaned up (their preview stopped).
'use strict';
const fs = require('fs');
const path = require('path');
const { stopRun } = require('./runDirs');

const ROOT = path.join(__dirname, '..', '..');
const BASE = path.join(ROOT, '.test-build');

module.exports = async function globalSetup() {
  fs.mkdirSync(BASE, { recursive: true });
  for (const name of fs.readdirSync(BASE)) {
    const dir = path.join(BASE, name);
    const owner = Number(/^run-(\d+)-/.exec(name)?.[1] ?? /^adhoc-(\d+)$/.exec(name)?.[1]);
    if (owner > 0 && owner !== process.pid && !alive(owner)) stopRun(dir, false);
  }
  const dir = path.join(BASE, `run-${process.pid}-${Date.now().toString(36)}`);
  fs.mkdirSync(dir);
  process.env.ANNEX_TEST_RUN_DIR = dir;
};

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
