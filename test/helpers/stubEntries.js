// node test/helpers/stubEntries.js <webpack config> <out dir>: a production build of that config (its env settings
// included) with every entry replaced by a one-line module. The pages, the manifest and the copied files come out as
// in the real build, in seconds instead of a minute: test/build/bundle.test.ts checks the self-hosted Office.js
// variant this way (the chunks themselves are checked on the shared real build, test/helpers/builds.ts).
'use strict';
const path = require('path');
const webpack = require('webpack');

const ROOT = path.join(__dirname, '..', '..');
const [configFile, out] = process.argv.slice(2);
const config = require(path.resolve(ROOT, configFile))({}, { mode: 'production' });
const stub = path.join(__dirname, 'stubEntry.js');
config.entry = Object.fromEntries(Object.keys(config.entry).map((name) => [name, stub]));
config.output = { ...config.output, path: path.resolve(out) };
webpack(config, (err, stats) => {
  if (err || stats.hasErrors()) {
    process.stderr.write(`${err ? String(err) : stats.toString('errors-only')}\n`);
    process.exitCode = 1;
  }
});
