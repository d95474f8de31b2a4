/**
 * `npm start` (problem 9): the sideloaded manifest.xml points Excel at https://localhost:3000, so the dev
 * server must serve https on exactly that host and port, with local development certificates. Before,
 * start.js served the preview's plain http on 127.0.0.1.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import type { Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Certificates are made by openssl, a process: bounded by what a hang would be, not by how fast a loaded machine is.
jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dev = require(join(ROOT, 'scripts', 'devServer.js')) as {
  manifestOrigin(file?: string): string;
  devCerts(o?: { allowInstall?: boolean }): { cert: Buffer; key: Buffer; dir: string } | null;
  serveHttps(dir: string, o: { port: number; host: string; certs: { cert: Buffer; key: Buffer } }): Promise<Server>;
};

function get(url: string, ca: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('npm start dev server', () => {
  it('serves where the manifest points: https, localhost, port 3000', () => {
    expect(dev.manifestOrigin()).toBe('https://localhost:3000');
    const start = readFileSync(join(ROOT, 'scripts', 'start.js'), 'utf8');
    expect(start).toContain("require('./devServer')");
    expect(start).not.toContain('preview.js');
  });

  it('serves the pane over https with a local certificate that validates for localhost', async () => {
    const certsDir = mkdtempSync(join(tmpdir(), 'annex-certs-'));
    const site = mkdtempSync(join(tmpdir(), 'annex-site-'));
    const previous = process.env['DEV_CERTS_DIR'];
    process.env['DEV_CERTS_DIR'] = certsDir;
    let server: Server | undefined;
    try {
      writeFileSync(join(site, 'taskpane.html'), '<p>pane</p>');
      const certs = dev.devCerts({ allowInstall: false });
      if (!certs) throw new Error('no certificates (openssl missing?)');
      const port = 3000 + Math.floor(Math.random() * 900) + 1000;
      server = await dev.serveHttps(site, { port, host: 'localhost', certs });
      // The self-signed certificate is its own CA: the request verifies host name and chain.
      const r = await get(`https://localhost:${port}/taskpane.html`, certs.cert);
      expect(r).toEqual({ status: 200, body: '<p>pane</p>' });
      expect((await get(`https://localhost:${port}/../../etc/passwd`, certs.cert)).status).not.toBe(200);
    } finally {
      await new Promise((r) => (server ? server.close(r) : r(undefined)));
      if (previous === undefined) delete process.env['DEV_CERTS_DIR'];
      else process.env['DEV_CERTS_DIR'] = previous;
      rmSync(certsDir, { recursive: true, force: true });
      rmSync(site, { recursive: true, force: true });
    }
  });
});
