/**
 * The deployment guide says what each channel gives (problem 10) and agrees with the manifest and the code
 * (problem 3): ExcelApi 1.9 needed, no promise that older hosts degrade; SharePoint catalogs give no ribbon;
 * a network share is not for production; Centralized Deployment needs Microsoft 365; the build settings it
 * names exist in webpack.config.js.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_EXCEL_API } from '../../src/excel/requirements';

const ROOT = join(__dirname, '..', '..');
const doc = readFileSync(join(ROOT, 'docs', 'deployment.md'), 'utf8');
const webpack = readFileSync(join(ROOT, 'webpack.config.js'), 'utf8');

describe('docs/deployment.md', () => {
  it('names the ExcelApi minimum of the manifest and does not promise that older hosts degrade', () => {
    expect(doc).toContain(`**ExcelApi ${MANIFEST_EXCEL_API}**`);
    expect(doc).toMatch(/Hosts below it never show the add-in/);
    expect(doc).not.toMatch(/degrades rather than failing/);
    expect(doc).toContain('**ExcelApi 1.13**');
  });

  it('says which channel gives the pane and which the ribbon', () => {
    const row = (name: RegExp): string => doc.split('\n').find((l) => l.startsWith('|') && name.test(l)) ?? '';
    expect(row(/SharePoint app catalog/)).toMatch(/\| yes \| \*\*no\*\*/);
    expect(row(/Shared-folder catalog/)).toMatch(/testing only/);
    expect(row(/Centralized Deployment/)).toMatch(/Microsoft 365/);
    expect(doc).toMatch(/no fully supported channel that includes the ribbon/);
  });

  it('the build settings it documents exist', () => {
    for (const setting of ['ADDIN_BASE_URL', 'OFFICE_JS_SELF_HOST', 'OFFICE_JS_DIR', 'OFFICE_JS_URL', 'PANE_FILE_MODE']) {
      expect(doc).toContain(setting);
      expect(webpack).toContain(`process.env.${setting}`);
    }
  });

  it('local development: npm start is https on localhost:3000, matching the manifest', () => {
    expect(doc).toMatch(/https on localhost:3000/);
    expect(readFileSync(join(ROOT, 'manifest.xml'), 'utf8')).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
  });
});
