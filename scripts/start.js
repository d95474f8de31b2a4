#!/usr/bin/env node
// `npm start`: build the pane for https://localhost:3000 (the manifest's URLs), serve it over https on that
// host and port with local development certificates (scripts/devServer.js), and sideload manifest.xml into
// desktop Excel with office-addin-debugging (fetched by npx on demand: it pulls keytar, which cannot install
// offline, so it is not a dependency). Where there is no desktop Excel (Linux, CI) the server still runs:
// sideload manifest.xml into Excel on the web (Insert → Add-ins → Upload My Add-in) once the certificate is
// trusted. office-addin-debugging exits 0 even when sideloading fails, so its exit code is never trusted.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');
const { devCerts, manifestOrigin, serveHttps } = require('./devServer');

const root = path.join(__dirname, '..');
const out = path.join(root, 'pane-dev');
const origin = new URL(manifestOrigin());

if (!process.argv.includes('--no-build')) {
  const r = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'development', '--output-path', out], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ADDIN_BASE_URL: origin.origin },
  });
  if (r.status !== 0) process.exit(r.status || 1);
}

const certs = devCerts();
if (!certs) {
  process.stderr.write('无法生成本地开发证书（需要 openssl 或 office-addin-dev-certs）。/ Could not make local development certificates (openssl or office-addin-dev-certs needed).\n');
  process.exit(1);
}

serveHttps(out, { port: Number(origin.port || 443), host: origin.hostname, certs }).then(
  (server) => {
    process.stdout.write(`dev server: ${origin.origin}/taskpane.html (certificates: ${certs.dir})\n`);
    process.on('SIGINT', () => server.close(() => process.exit(0)));
    if (process.platform !== 'win32' && process.platform !== 'darwin') {
      process.stdout.write('此系统没有桌面版 Excel：请在 Excel 网页版中上传 manifest.xml（插入 → 加载项 → 上传我的加载项），并先信任上面的证书。\n');
      process.stdout.write('No desktop Excel here: upload manifest.xml in Excel on the web (Insert → Add-ins → Upload My Add-in) after trusting the certificate above.\n');
      return;
    }
    const r = spawnSync('npx', ['--yes', 'office-addin-debugging', 'start', 'manifest.xml', 'desktop', '--app', 'excel', '--no-debug', '--dev-server-port', origin.port || '443'], {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (r.status !== 0) process.stdout.write('旁加载未完成；开发服务仍在运行。/ Sideloading did not complete; the dev server keeps running.\n');
  },
  (e) => {
    process.stderr.write(`无法在 ${origin.origin} 启动开发服务（端口被占用？）/ Could not serve on ${origin.origin} (port in use?): ${e.code || e.message}\n`);
    process.exit(1);
  },
);
