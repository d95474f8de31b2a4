/**
 * docs/deployment-wps.md agrees with the build: the setting it documents exists in webpack.wps.config.js and the
 * script it names in package.json; it covers publish mode and managed jsplugins.xml on Windows and Linux, and the
 * jsplugins.xml it shows has the shape the build emits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const doc = readFileSync(join(ROOT, 'docs', 'deployment-wps.md'), 'utf8');
const config = readFileSync(join(ROOT, 'webpack.wps.config.js'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('docs/deployment-wps.md', () => {
  it('documents the one build setting and the script, which exist', () => {
    expect(doc).toContain('WPS_ADDIN_URL');
    expect(config).toContain('process.env.WPS_ADDIN_URL');
    expect(doc).toContain('npm run build:wps');
    expect(pkg.scripts['build:wps']).toContain('webpack.wps.config.js');
  });

  it('covers publish mode and managed jsplugins.xml, on Windows and on Linux', () => {
    expect(doc).toMatch(/## Way 1: publish mode \(`wpsjs publish`/);
    expect(doc).toMatch(/## Way 2: managed `jsplugins.xml`/);
    expect(doc).toContain('JSPluginsServer=');
    expect(doc).toContain('%APPDATA%\\kingsoft\\wps\\jsaddons');
    expect(doc).toContain('~/.local/share/Kingsoft/wps/jsaddons');
    expect(doc).toMatch(/Kylin/);
    expect(doc).toMatch(/UOS/);
  });

  it('shows a jsplugins.xml entry of the shape the build emits', () => {
    expect(doc).toMatch(/<jspluginonline name="AnnexAudit" type="et" url="https:\/\/[^"]+\/" enable="true"\/>/);
    expect(config).toContain('<jspluginonline name="${NAME}" type="et" url="${xmlEscape(WPS_ADDIN_URL)}" enable="true"/>');
  });
});
