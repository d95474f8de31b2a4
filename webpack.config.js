// Builds the task pane and the ribbon's function file into pane-dist/.
// Build-time env vars:
//   ADDIN_BASE_URL      – where the pane is hosted (default https://localhost:3000; used for the manifest). Must be https.
//   OFFICE_JS_URL       – where the pages load Office.js from (default: Microsoft's CDN)
//   OFFICE_JS_SELF_HOST – 1: copy Office.js into pane-dist/office-js/ and load it from there (intranets without
//                         the CDN). The files come from OFFICE_JS_DIR (a snapshot of the CDN's files, preferred)
//                         or else from the npm copy (node_modules/@microsoft/office-js/dist).
//   PANE_FILE_MODE      – off: a pane that could not load Office.js never falls back to file mode (it says so).
//
// The runtime floor is runtime-floor.json (docs/runtime-floor.md): scripts are compiled by swc for its targets
// (EdgeHTML 18 lacks object spread, `?.`, `??` and class fields, so everything, node_modules included, is lowered
// to what Edge 18 parses; test/build/bundle.test.ts parses every chunk at that level). The bundles carry no
// polyfills: the `polyfills` entry (core-js, as much as the floor needs) is loaded only by webviews that lack a
// current built-in, decided by the ES5 guard every page starts with (scripts/runtimeFloor.js). Below the floor
// (Trident, or a missing built-in or syntax the bundles need) the page shows the catalogue message instead.
// ANALYZE=1 adds hidden source maps without the packages' own maps (scripts/bundle-report.js attributes bytes).
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const MinimizerPlugin = require('minimizer-webpack-plugin');
const { CspPlugin } = require('./scripts/csp');
const { TARGETS, FLOOR, guardScripts, loaderScript } = require('./scripts/runtimeFloor');
const { require: tsRequire } = require('tsx/cjs/api');

const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const ADDIN_BASE_URL = (process.env.ADDIN_BASE_URL || 'https://localhost:3000').replace(/\/+$/, '');
const SELF_HOST = process.env.OFFICE_JS_SELF_HOST === '1';
const OFFICE_JS_DIR = process.env.OFFICE_JS_DIR || path.resolve(__dirname, 'node_modules/@microsoft/office-js/dist');
const OFFICE_JS_URL = process.env.OFFICE_JS_URL || (SELF_HOST ? `${ADDIN_BASE_URL}/office-js/office.js` : CDN_OFFICE_JS);
const FILE_MODE = process.env.PANE_FILE_MODE !== 'off';
const DEV_BASE_URL = 'https://localhost:3000';
const ANALYZE = process.env.ANALYZE === '1';
/** The ribbon functions the manifest names (answered with the floor message where the bundle cannot run). */
const COMMANDS = ['recomputeSummaries', 'clearMarks'];

const { UI_EXCEL } = tsRequire('./src/core/i18n/uiExcel.ts', __filename);
const oldWebviewText = [UI_EXCEL['excel.oldWebview']['zh-CN'], UI_EXCEL['excel.oldWebview']['en-US']];
/** The polyfill entry: every core-js module the floor's browsers lack (swc expands `core-js/stable` for TARGETS). */
const POLYFILLS = './src/runtime/polyfills.js';

// Emits assets/*.png, manifest.xml (with ADDIN_BASE_URL substituted) and, when self-hosting, Office.js.
class AddinFilesPlugin {
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('AddinFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'AddinFilesPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const assetsDir = path.resolve(__dirname, 'assets');
          for (const name of fs.readdirSync(assetsDir).filter((f) => f.endsWith('.png'))) {
            const file = path.join(assetsDir, name);
            compilation.fileDependencies.add(file);
            compilation.emitAsset(`assets/${name}`, new RawSource(fs.readFileSync(file)));
          }
          const manifestFile = path.resolve(__dirname, 'manifest.xml');
          compilation.fileDependencies.add(manifestFile);
          const xml = fs
            .readFileSync(manifestFile, 'utf8')
            .split(`<AppDomain>${DEV_BASE_URL}</AppDomain>`)
            .join(`<AppDomain>${new URL(ADDIN_BASE_URL).origin}</AppDomain>`)
            .split(DEV_BASE_URL)
            .join(ADDIN_BASE_URL);
          compilation.emitAsset('manifest.xml', new RawSource(xml));
          if (SELF_HOST) {
            if (!fs.existsSync(path.join(OFFICE_JS_DIR, 'office.js'))) {
              compilation.errors.push(new Error(`OFFICE_JS_SELF_HOST: no office.js in ${OFFICE_JS_DIR} (set OFFICE_JS_DIR)`));
              return;
            }
            const walk = (dir, rel) => {
              for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
                const abs = path.join(dir, entry.name);
                const to = rel ? `${rel}/${entry.name}` : entry.name;
                if (entry.isDirectory()) walk(abs, to);
                else compilation.emitAsset(`office-js/${to}`, new RawSource(fs.readFileSync(abs)), { minimized: true }); // copied as shipped: never re-minified
              }
            };
            walk(OFFICE_JS_DIR, '');
          }
        },
      );
    });
  }
}

function swc(syntax, polyfills) {
  return {
    loader: 'swc-loader',
    options: {
      jsc: {
        parser: syntax === 'typescript' ? { syntax: 'typescript', tsx: true } : { syntax: 'ecmascript', jsx: false },
        transform: { react: { runtime: 'automatic' } },
        externalHelpers: false,
      },
      ...(ANALYZE ? { inputSourceMap: false } : {}),
      env: { targets: TARGETS, ...(polyfills ? { mode: 'entry', coreJs: require('core-js/package.json').version } : {}) },
      // Keep `import`/`export` for webpack; `unknown` leaves CommonJS files as they are.
      isModule: syntax === 'typescript' ? true : 'unknown',
    },
  };
}

const config = (_env, argv) => {
  const production = (argv.mode || 'production') === 'production';
  if (production && !/^https:\/\//.test(ADDIN_BASE_URL) && process.env.ALLOW_HTTP_BASE_URL !== '1') {
    // Office requires HTTPS for add-in pages (includes/https-guidance.md).
    throw new Error(`ADDIN_BASE_URL must be https:// (got ${ADDIN_BASE_URL}).`);
  }
  if (production && !SELF_HOST && OFFICE_JS_URL === CDN_OFFICE_JS && process.env.OFFICE_JS_QUIET !== '1') {
    process.stderr.write('note: Office.js loads from the Microsoft CDN. For an intranet without it, build with OFFICE_JS_SELF_HOST=1 (docs/deployment.md).\n');
  }
  return {
    mode: argv.mode || 'production',
    target: ['web', 'es2017'],
    entry: { taskpane: './src/taskpane/index.tsx', commands: './src/commands/commands.ts', polyfills: POLYFILLS },
    output: {
      path: path.resolve(__dirname, 'pane-dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // The browser build of exceljs (file mode only; loaded on demand, never in the initial bundle).
      alias: { exceljs$: path.resolve(__dirname, 'node_modules/exceljs/dist/exceljs.min.js') },
    },
    performance: { hints: false },
    // SWC's minifier: the same job as terser in about a third of the time (the two production builds are the
    // longest part of `npm test`). Output syntax is held at the target's level; the bundle tests check it.
    optimization: {
      // The pane's initial code in three scripts instead of one: the browser compiles each on a thread of its own
      // while the page waits for them (streamed from the preload), so the longest of the three, not their sum, is
      // what the first render waits for (one 650 KB script took ~180 ms to compile on the 2-core bench machine).
      // Only the taskpane entry's own modules are split this way; the chunks loaded on demand are as before.
      splitChunks: {
        cacheGroups: {
          paneReact: { test: /[\\/]node_modules[\\/](react-dom|react|scheduler)[\\/]/, chunks: (c) => c.name === 'taskpane', name: 'pane-react', priority: 20, enforce: true },
          paneFluent: {
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|tabster|keyborg|stylis|rtl-css-js|@emotion|@floating-ui|@swc)[\\/]/,
            chunks: (c) => c.name === 'taskpane',
            name: 'pane-fluent',
            priority: 10,
            enforce: true,
          },
        },
      },
      minimizer: [
        new MinimizerPlugin({
          minify: MinimizerPlugin.swcMinify,
          minimizerOptions: { ecma: 2017, compress: { ecma: 2017, passes: 2 }, mangle: true, format: { comments: false } },
          extractComments: false,
        }),
      ],
    },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: swc('typescript', false) },
        { test: path.resolve(__dirname, POLYFILLS), use: swc('ecmascript', true) },
        // Dependencies ship newer syntax than Edge 18 parses: lower it (core-js itself is already ES5-safe).
        { test: /\.m?js$/, include: /node_modules/, exclude: /node_modules[\\/]core-js[\\/]/, use: swc('ecmascript', false) },
        // The core is pure (no module does anything when it loads): what a bundle does not use of its index is left out.
        { test: /[\\/]src[\\/]core[\\/]/, sideEffects: false },
        // Our own makeStyles computed at build time (Fluent's are shipped so): the pane's first render inserts the
        // styles instead of resolving them (issue 21, about 10 ms of it). After swc, on the pane's components only.
        { test: /[\\/]src[\\/]taskpane[\\/].*\.tsx$/, enforce: 'post', use: { loader: '@griffel/webpack-loader' } },
        // zod 4 calls BigInt when it loads (its int64 ranges), which the floor's EdgeHTML and Safari lack.
        { test: /node_modules[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/, enforce: 'pre', use: path.resolve(__dirname, 'scripts/loaders/zodBigInt.js') },
      ],
    },
    devtool: argv.mode === 'development' ? 'source-map' : ANALYZE ? 'hidden-source-map' : false,
    plugins: [
      new webpack.DefinePlugin({ __OFFICE_JS_URL__: JSON.stringify(OFFICE_JS_URL), __FILE_MODE__: JSON.stringify(FILE_MODE) }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        inject: false,
        templateParameters: (compilation, assets, tags, options) => ({
          officeJsUrl: OFFICE_JS_URL,
          addinBaseUrl: ADDIN_BASE_URL,
          floorGuard: guardScripts('pane', oldWebviewText),
          floorLoader: loaderScript(compilation, 'pane', assets.js),
          htmlWebpackPlugin: { tags, files: assets, options },
        }),
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        inject: false,
        templateParameters: (compilation, assets) => ({
          officeJsUrl: OFFICE_JS_URL,
          floorGuard: guardScripts('commands', oldWebviewText),
          floorLoader: loaderScript(compilation, 'commands', assets.js, COMMANDS),
        }),
      }),
      new HtmlWebpackPlugin({ filename: 'message.html', template: './src/commands/message.html', chunks: [], inject: false }),
      new AddinFilesPlugin(),
      new CspPlugin({ officeJsUrl: OFFICE_JS_URL }),
    ],
  };
};

module.exports = config;
module.exports.POLYFILLS = POLYFILLS;
module.exports.FLOOR = FLOOR;
