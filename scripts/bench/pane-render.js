// Median first-render time of the built pane in headless Chromium (5 runs): navigation start → the pane's
/* global window */
// first render (window.__paneReady set by src/taskpane/index.tsx). Prints the number of milliseconds.
'use strict';
const path = require('path');
const { spawn } = require('child_process');
const { chromium } = require('playwright-core');

const ROOT = path.join(__dirname, '..', '..');
const PORT = 3900 + Math.floor(Math.random() * 90);

(async () => {
  const server = spawn(process.execPath, [path.join(ROOT, 'scripts', 'preview.js'), '--no-build'], { cwd: ROOT, env: { ...process.env, PORT: String(PORT) }, stdio: 'ignore' });
  try {
    const url = `http://127.0.0.1:${PORT}/taskpane.html`;
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(url)).ok) break;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const times = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage({ viewport: { width: 320, height: 720 } });
      await page.goto(url);
      await page.waitForFunction(() => window.__paneReady !== undefined, null, { timeout: 30000 });
      times.push(await page.evaluate(() => window.__paneReady));
      await page.close();
    }
    await browser.close();
    times.sort((a, b) => a - b);
    process.stdout.write(String(Math.round(times[2])));
  } finally {
    server.kill();
  }
})().catch(() => process.exit(1));
