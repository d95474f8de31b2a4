#!/usr/bin/env node
'use strict';

const fs = require('fs');
const path = require('path');

const entry = path.join(__dirname, '..', 'dist', 'cli', 'main.js');

if (!fs.existsSync(entry)) {
  process.stderr.write('未找到构建输出，请先运行 npm run build / build output missing: run npm run build\n');
  process.exit(2);
}

const { main } = require(entry);

Promise.resolve()
  .then(() => main(process.argv.slice(2)))
  .then(
    (code) => {
      process.exitCode = typeof code === 'number' ? code : 0;
    },
    () => {
      // main() turns every expected failure into one sentence; this is the last line of defence.
      process.stderr.write('发生意外错误，检查未完成。/ An unexpected error stopped the check.\n');
      process.exitCode = 2;
    },
  );
