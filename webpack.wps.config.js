// Builds the WPS加载项 folder (npm run build:wps → wps-dist/): index.html (loads main.js and the ribbon commands),
// main.js (the customUI callbacks), ribbon.xml, manifest.xml, the pane (taskpane.html and its scripts, without
// Office.js), the icons, package.json for `wpsjs publish`, and a jsplugins.xml for managed deployments.
// One build setting:
//   WPS_ADDIN_URL – the https URL the folder is served from, ending in `/` (default https://localhost:3000/wps/).
//                   The pane URL WPS opens is WPS_ADDIN_URL + taskpane.html; jsplugins.xml points at the folder.
// The scripts are compiled exactly as the Office pane's, for the runtime floor (runtime-floor.json: the old Chromium
// some WPS builds embed); both pages start with the floor guard (scripts/runtimeFloor.js), so a WPS below the floor
// shows the catalogue message in the pane and on every ribbon button; test/build/wps.test.ts checks the folder.
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { CspPlugin } = require('./scripts/csp');
const { guardScripts, loaderScript } = require('./scripts/runtimeFloor');
const { require: tsRequire } = require('tsx/cjs/api');
const base = require('./webpack.config.js');

const WPS_ADDIN_URL = (process.env.WPS_ADDIN_URL || 'https://localhost:3000/wps/').replace(/\/*$/, '/');
const PANE_URL = `${WPS_ADDIN_URL}taskpane.html`;
const { UI } = tsRequire('./src/core/i18n/ui.ts', __filename);
const pkg = require('./package.json');
const NAME = 'AnnexAudit';

const xmlEscape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const zh = (key) => xmlEscape(UI[key]['zh-CN']);

/** ribbon.xml starts with `<customUI` (no XML declaration: the wpsjs publish page rejects one). */
function ribbonXml() {
  const button = (id, key) =>
    `          <button id="${id}" label="${zh(key)}" onAction="OnAction" getImage="GetImage" size="large"/>`;
  return [
    '<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui" onLoad="OnAddinLoad">',
    '  <ribbon startFromScratch="false">',
    '    <tabs>',
    `      <tab id="annexAuditTab" label="${zh('wps.ribbon.tab')}">`,
    `        <group id="annexAuditGroup" label="${zh('wps.ribbon.group')}">`,
    button('annexAuditOpen', 'wps.ribbon.open'),
    button('annexAuditRecompute', 'wps.ribbon.recompute'),
    button('annexAuditClear', 'wps.ribbon.clear'),
    '        </group>',
    '      </tab>',
    '    </tabs>',
    '  </ribbon>',
    '</customUI>',
    '',
  ].join('\n');
}

function mainJs() {
  const src = fs.readFileSync(path.resolve(__dirname, 'wps/main.js'), 'utf8');
  return src
    .replace("'__ANNEX_AUDIT_PANE_URL__'", JSON.stringify(PANE_URL))
    .replace("{ 'zh-CN': '__ANNEX_AUDIT_UNAVAILABLE__', 'en-US': '__ANNEX_AUDIT_UNAVAILABLE__' }", JSON.stringify(UI['wps.ribbonUnavailable']));
}

/** The floor message of the WPS pages, both languages ({engine} and {floor} filled in by the guard). */
function oldWebviewText() {
  return [UI['wps.oldWebview']['zh-CN'], UI['wps.oldWebview']['en-US']];
}

class WpsFilesPlugin {
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('WpsFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'WpsFilesPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.fileDependencies.add(path.resolve(__dirname, 'wps/main.js'));
        compilation.emitAsset('main.js', new RawSource(mainJs()), { minimized: true });
        compilation.emitAsset('ribbon.xml', new RawSource(ribbonXml()));
        compilation.emitAsset(
          'manifest.xml',
          new RawSource(`<?xml version="1.0" encoding="UTF-8"?>\n<JsPlugin>\n  <ApiVersion>1.0.0</ApiVersion>\n  <Name>${NAME}</Name>\n  <Description>${zh('wps.ribbon.group')}</Description>\n</JsPlugin>\n`),
        );
        // For `wpsjs publish` run in this folder (it reads name, version and addonType from package.json).
        compilation.emitAsset('package.json', new RawSource(`${JSON.stringify({ name: NAME, version: pkg.version, addonType: 'et', private: true }, null, 2)}\n`));
        compilation.emitAsset(
          'jsplugins.xml',
          new RawSource(`<jsplugins>\n  <jspluginonline name="${NAME}" type="et" url="${xmlEscape(WPS_ADDIN_URL)}" enable="true"/>\n</jsplugins>\n`),
        );
        const assetsDir = path.resolve(__dirname, 'assets');
        for (const name of fs.readdirSync(assetsDir).filter((f) => f.endsWith('.png'))) {
          compilation.emitAsset(`assets/${name}`, new RawSource(fs.readFileSync(path.join(assetsDir, name))));
        }
      });
    });
  }
}

module.exports = (env, argv) => {
  const production = (argv.mode || 'production') === 'production';
  if (production && !/^https:\/\//.test(WPS_ADDIN_URL) && process.env.ALLOW_HTTP_BASE_URL !== '1') {
    throw new Error(`WPS_ADDIN_URL must be https:// (got ${WPS_ADDIN_URL}).`);
  }
  const config = base(env, { ...argv, mode: argv.mode || 'production' });
  const define = config.plugins.find((p) => p.constructor && p.constructor.name === 'DefinePlugin');
  return {
    ...config,
    entry: { taskpane: './src/taskpane/index.tsx', ribbon: './src/wps/ribbon.ts', polyfills: base.POLYFILLS },
    output: { ...config.output, path: path.resolve(__dirname, 'wps-dist') },
    plugins: [
      define,
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        inject: false,
        // No Office.js in WPS: the pane finds WPS by its globals.
        templateParameters: (compilation, assets, tags, options) => ({
          officeJsUrl: '',
          addinBaseUrl: WPS_ADDIN_URL,
          floorGuard: guardScripts('pane', oldWebviewText()),
          floorLoader: loaderScript(compilation, 'pane', assets.js),
          htmlWebpackPlugin: { tags, files: assets, options },
        }),
      }),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './wps/index.html',
        chunks: ['ribbon'],
        inject: false,
        templateParameters: (compilation, assets) => ({
          floorGuard: guardScripts('wps-ribbon', oldWebviewText()),
          floorLoader: loaderScript(compilation, 'wps-ribbon', assets.js),
        }),
      }),
      new WpsFilesPlugin(),
      new CspPlugin(),
    ],
  };
};
