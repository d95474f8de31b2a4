// A run directory of .test-build/ (test/helpers/builds.ts) ended: its preview server stopped, the directory removed.
'use strict';
const fs = require('fs');
const path = require('path');

/** `ours`: the run that started the server ends it; otherwise only a process that is still a preview is stopped. */
function stopRun(dir, ours) {
  const pid = Number(read(path.join(dir, 'preview', 'pid')));
  if (pid > 0 && (ours || /scripts[\\/]preview\.js/.test(read(`/proc/${pid}/cmdline`).replace(/\0/g, ' ')))) {
    try {
      process.kill(pid);
    } catch {
      /* already gone */
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

function read(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

module.exports = { stopRun };
