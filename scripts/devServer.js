#!/usr/bin/env node
// The https dev server `npm start` uses: serves a built pane on the host and port the manifest names
// (https://localhost:3000 in manifest.xml), with local development certificates, so that a sideloaded
// manifest.xml loads. Certificates, first found wins:
//   1. DEV_CERTS_DIR/localhost.crt + localhost.key
//   2. ~/.office-addin-dev-certs/localhost.crt + localhost.key (made and trusted by `npx office-addin-dev-certs install`)
//   3. Windows / macOS: runs `npx --yes office-addin-dev-certs install` (it asks to trust its CA), then 2.
//   4. elsewhere: a self-signed certificate made with openssl into .dev-certs/ (trust it yourself; see docs/deployment.md).
'use strict';
const fs = require('fs');
const https = require('https');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');

/** The origin the manifest's pane lives at (its SourceLocation): the dev server must be exactly there. */
function manifestOrigin(manifestFile = path.join(root, 'manifest.xml')) {
  const xml = fs.readFileSync(manifestFile, 'utf8');
  const m = /<SourceLocation DefaultValue="([^"]+)"/.exec(xml);
  if (!m) throw new Error('manifest.xml has no SourceLocation');
  return new URL(m[1]).origin;
}

function readPair(dir) {
  const cert = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  return fs.existsSync(cert) && fs.existsSync(key) ? { cert: fs.readFileSync(cert), key: fs.readFileSync(key), dir } : null;
}

function opensslPair(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const r = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '30', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', path.join(dir, 'localhost.key'), '-out', path.join(dir, 'localhost.crt')],
    { stdio: 'ignore' },
  );
  return r.status === 0 ? readPair(dir) : null;
}

/** Development certificates for https://localhost, or null (with the reason printed). */
function devCerts({ allowInstall = true } = {}) {
  if (process.env.DEV_CERTS_DIR) {
    return readPair(process.env.DEV_CERTS_DIR) || opensslPair(process.env.DEV_CERTS_DIR);
  }
  const officeDir = path.join(os.homedir(), '.office-addin-dev-certs');
  const found = readPair(officeDir);
  if (found) return found;
  if (allowInstall && (process.platform === 'win32' || process.platform === 'darwin')) {
    spawnSync('npx', ['--yes', 'office-addin-dev-certs', 'install'], { stdio: 'inherit', shell: process.platform === 'win32' });
    const installed = readPair(officeDir);
    if (installed) return installed;
  }
  return opensslPair(path.join(root, '.dev-certs'));
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png', '.xml': 'application/xml', '.json': 'application/json', '.css': 'text/css', '.txt': 'text/plain; charset=utf-8' };

/** Serve `dir` over https at `port` on `host`; resolves with the server once it listens. */
function serveHttps(dir, { port, host, certs }) {
  const server = https.createServer({ cert: certs.cert, key: certs.key }, (req, res) => {
    const url = new URL(req.url || '/', 'https://localhost');
    const rel = decodeURIComponent(url.pathname) === '/' ? 'taskpane.html' : decodeURIComponent(url.pathname).slice(1);
    const file = path.normalize(path.join(dir, rel));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' }).end(data);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

module.exports = { manifestOrigin, devCerts, serveHttps };
