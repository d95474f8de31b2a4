#!/usr/bin/env node
// `npm run demo`: check the bundled sample workbooks and print the findings (table view, zh-CN).
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');
const fs = require('fs');

const root = path.join(__dirname, '..');
const cli = path.join(root, 'bin', 'annex-audit.js');
if (!fs.existsSync(path.join(root, 'dist', 'cli', 'main.js'))) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const samples = fs.readdirSync(path.join(root, 'samples')).filter((f) => f.endsWith('.xlsx')).sort();
let failed = false;
for (const s of samples) {
  const r = spawnSync(process.execPath, [cli, 'check', path.join('samples', s), '--format', 'table', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  // Exit 1 only means the sample has error-level findings, which is what the demo shows; 2 is a real failure.
  if (r.status === 2 || r.status === null) failed = true;
  process.stdout.write('\n');
}
process.exit(failed ? 2 : 0);
