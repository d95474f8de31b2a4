#!/usr/bin/env node
// `npm start`: build the pane, serve it, and sideload manifest.xml into desktop Excel with
// office-addin-debugging (fetched by npx on demand: it pulls keytar, which cannot install offline, so it is
// not a dependency). Where there is no desktop Excel (Linux, CI) it says so and points to `npm run preview`;
// office-addin-debugging exits 0 even when sideloading fails, so its exit code is never trusted.
'use strict';
const { spawnSync, spawn } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
if (process.platform === 'linux') {
  process.stdout.write('此系统没有桌面版 Excel，无法旁加载。请运行 npm run preview 在浏览器中使用文件模式，或按 docs/deployment.md 安装到 Excel。\n');
  process.stdout.write('No desktop Excel on this system. Use `npm run preview` (file mode in a browser) or install per docs/deployment.md.\n');
  process.exit(0);
}
const server = spawn(process.execPath, [path.join(root, 'scripts', 'preview.js')], { cwd: root, stdio: 'inherit' });
const r = spawnSync('npx', ['--yes', 'office-addin-debugging', 'start', 'manifest.xml', 'desktop', '--app', 'excel', '--no-debug'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (r.status !== 0) process.stdout.write('旁加载未完成；预览服务仍在运行。/ Sideloading did not complete; the preview server keeps running.\n');
process.on('SIGINT', () => server.kill());
