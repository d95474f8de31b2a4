// Builds the (placeholder) task pane into pane-dist/.
// Build-time env vars:
//   OFFICE_JS_URL  – where the page loads Office.js from (default: Microsoft CDN)
//   ADDIN_BASE_URL – where the pane is hosted (default https://localhost:3000; used for the manifest)
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const OFFICE_JS_URL = process.env.OFFICE_JS_URL || 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const ADDIN_BASE_URL = (process.env.ADDIN_BASE_URL || 'https://localhost:3000').replace(/\/+$/, '');
const DEV_BASE_URL = 'https://localhost:3000';

// Emits assets/*.png and manifest.xml (with ADDIN_BASE_URL substituted) next to the pane.
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
        },
      );
    });
  }
}

module.exports = (_env, argv) => ({
  mode: argv.mode || 'production',
  entry: { taskpane: './src/taskpane/index.tsx', commands: './src/commands/commands.ts' },
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
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: { transpileOnly: true, configFile: path.resolve(__dirname, 'tsconfig.pane.json') },
        },
      },
    ],
  },
  devtool: argv.mode === 'development' ? 'source-map' : false,
  plugins: [
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: './src/taskpane/taskpane.html',
      chunks: ['taskpane'],
      templateParameters: { officeJsUrl: OFFICE_JS_URL, addinBaseUrl: ADDIN_BASE_URL },
    }),
    new HtmlWebpackPlugin({
      filename: 'commands.html',
      template: './src/commands/commands.html',
      chunks: ['commands'],
      templateParameters: { officeJsUrl: OFFICE_JS_URL },
    }),
    new HtmlWebpackPlugin({ filename: 'message.html', template: './src/commands/message.html', chunks: [], inject: false }),
    new AddinFilesPlugin(),
  ],
});
