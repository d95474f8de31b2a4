#!/usr/bin/env node
// `npm run preview`: build the production pane with Office.js served from the npm copy, and serve it on
// http://127.0.0.1:$PORT/taskpane.html (default 3000). `--no-build` serves the last build. PREVIEW_OUT: build into
// (and serve) another directory (the tests serve their shared build, test/helpers/builds.ts, with --no-build).
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const out = process.env.PREVIEW_OUT ? path.resolve(process.env.PREVIEW_OUT) : path.join(root, 'pane-preview');
const officeDir = path.join(root, 'node_modules', '@microsoft', 'office-js', 'dist');
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '127.0.0.1';

if (!process.argv.includes('--no-build')) {
  const r = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', out], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, OFFICE_JS_URL: '/office-js/office.js', ADDIN_BASE_URL: `http://${host}:${port}`, ALLOW_HTTP_BASE_URL: '1', OFFICE_JS_QUIET: '1' },
  });
  if (r.status !== 0) process.exit(r.status || 1);
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png', '.xml': 'application/xml', '.json': 'application/json', '.css': 'text/css', '.txt': 'text/plain; charset=utf-8' };

function send(res, file) {
  fs.readFile(file, (err, data) => {
    if (err) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(data);
  });
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url || '/', `http://${host}`);
  const p = decodeURIComponent(url.pathname);
  const base = p.startsWith('/office-js/') ? officeDir : out;
  const rel = p.startsWith('/office-js/') ? p.slice('/office-js/'.length) : p === '/' ? 'taskpane.html' : p.slice(1);
  const file = path.normalize(path.join(base, rel));
  if (!file.startsWith(base)) {
    res.writeHead(403).end();
    return;
  }
  send(res, file);
});
server.listen(port, host, () => {
  // PORT=0: any free port (the tests' shared preview); the line names the one it got.
  process.stdout.write(`preview: http://${host}:${server.address().port}/taskpane.html\n`);
});
