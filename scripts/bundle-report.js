// node scripts/bundle-report.js [--write] [--dir DIR]: which modules the pane's initial scripts are made of.
// Builds the production pane with ANALYZE=1 (hidden source maps without the packages' own maps, so every byte maps
// to a file of ours or of a package) into a temporary folder, or reads DIR built that way, then attributes each
// byte of the initial chunk to its source and gzips each group on its own (a group's share of the whole; the sum
// is a little above the file's gzip size, since groups compress apart). --write puts the table into
// docs/benchmarks.md between the BUNDLE markers. Needs no network; takes one production build (about a minute).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const args = process.argv.slice(2);
const write = args.includes('--write');
const dirArg = args.indexOf('--dir');
const gz = (s) => zlib.gzipSync(s).length; // default level, as scripts/bench.ts measures
const kb = (n) => (n / 1024).toFixed(1);

function build() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annex-bundle-'));
  const r = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', dir], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ANALYZE: '1', OFFICE_JS_URL: '/office-js/office.js', OFFICE_JS_QUIET: '1' },
  });
  if (r.status !== 0) throw new Error('webpack failed');
  return dir;
}

/** The group a source belongs to: a package by name, our files by folder (src/core/i18n, src/taskpane …). */
function groupOf(source) {
  if (!source) return '(webpack runtime)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg) return pkg[1].startsWith('@fluentui/') ? '@fluentui/* (Fluent UI v9)' : pkg[1];
  const ours = /^webpack:\/\/[^/]*\/(?:\.\/)?(src\/[^/]+(?:\/[^/.]+(?=\/))?)/.exec(source);
  if (ours) return ours[1];
  // Packages that ship their own source maps (Fluent UI's packages, tabster, keyborg, griffel) map to their own
  // sources, outside node_modules in the map's paths.
  // (Fluent's style hooks come out of swc with bare file names: useButtonStyles.styles.js …)
  if (/^webpack:\/\/[^/]*\/\.\.\//.test(source) || /\.styles\.js$/.test(source)) return 'Fluent UI v9 packages with their own maps (@fluentui/*, tabster, keyborg, griffel)';
  if (/webpack\//.test(source)) return '(webpack runtime)';
  return source.replace(/^webpack:\/\/[^/]*\//, '');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** [generated offset, source index] of every mapping segment (source map v3 `mappings`, base64 VLQ). */
function segmentsOf(mappings, lineStart) {
  const out = [];
  let source = 0;
  mappings.split(';').forEach((line, l) => {
    let column = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      out.push([lineStart[l] + column, fields.length > 1 ? source : -1]);
    }
  });
  return out;
}

function attribute(file) {
  const code = fs.readFileSync(file, 'utf8');
  const map = JSON.parse(fs.readFileSync(`${file}.map`, 'utf8'));
  const lineStart = [];
  let offset = 0;
  for (const line of code.split('\n')) {
    lineStart.push(offset);
    offset += line.length + 1;
  }
  const segments = segmentsOf(map.mappings, lineStart).map(([at, i]) => [at, i >= 0 ? map.sources[i] : null]);
  segments.sort((a, b) => a[0] - b[0]);
  const parts = new Map();
  const add = (g, s) => parts.set(g, (parts.get(g) || '') + s);
  if (segments.length) add('(webpack runtime)', code.slice(0, segments[0][0]));
  for (let i = 0; i < segments.length; i++) add(groupOf(segments[i][1]), code.slice(segments[i][0], i + 1 < segments.length ? segments[i + 1][0] : code.length));
  return { raw: code.length, gzip: gz(code), groups: [...parts].map(([g, s]) => ({ group: g, raw: s.length, gzip: gz(s) })).sort((a, b) => b.gzip - a.gzip) };
}

function main() {
  const dir = dirArg >= 0 ? path.resolve(args[dirArg + 1]) : build();
  const html = fs.readFileSync(path.join(dir, 'taskpane.html'), 'utf8');
  // The floor loader's list (issue 20), else the page's own <script src> tags (builds before it).
  const listed = /data-annex-scripts="([^"]*)"/.exec(html)?.[1];
  const initial = listed !== undefined ? listed.split(' ').filter(Boolean) : [...html.matchAll(/<script[^>]*src="?([^"\s>]+\.js)"?/g)].map((m) => m[1]).filter((f) => !/office\.js$|^https?:/.test(f));
  const legacy = (/data-annex-legacy="([^"]*)"/.exec(html)?.[1] ?? '').split(' ').filter(Boolean);
  const js = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
  const size = (f) => gz(fs.readFileSync(path.join(dir, f)));
  const lines = [];
  const out = (s = '') => lines.push(s);
  const initialGzip = initial.reduce((a, f) => a + size(f), 0);
  out(`Initial pane scripts (current webviews): ${initial.join(', ')}: **${kb(initialGzip)} KB gzipped**.`);
  out(`Webviews at the floor but not current also load ${legacy.join(', ')} (${kb(legacy.reduce((a, f) => a + size(f), 0))} KB gzipped) first.`);
  out('');
  for (const f of initial) {
    const a = attribute(path.join(dir, f));
    out(`\`${f.replace(/\.[0-9a-f]+\.js$/, '.js')}\`: ${kb(a.raw)} KB minified, ${kb(a.gzip)} KB gzipped. Largest groups (each gzipped alone):`);
    out('');
    out('| group | minified | gzipped |');
    out('|---|---:|---:|');
    for (const g of a.groups.slice(0, 16)) out(`| ${g.group} | ${kb(g.raw)} KB | ${kb(g.gzip)} KB |`);
    const rest = a.groups.slice(16);
    if (rest.length) out(`| ${rest.length} more | ${kb(rest.reduce((s, g) => s + g.raw, 0))} KB | ${kb(rest.reduce((s, g) => s + g.gzip, 0))} KB |`);
    out('');
  }
  out('Chunks loaded later (gzipped):');
  out('');
  out('| chunk | gzipped | when |');
  out('|---|---:|---|');
  const when = {
    commands: 'the ribbon function file (its own page)',
    polyfills: 'first, only on webviews that lack a current built-in',
    files: 'file mode: the first workbook opened (reader and package writer)',
    submissions: '报送工作: the first action run',
    excel: 'in Excel, at start (the Office.js adapter)',
    wps: 'in WPS, at start (the WPS adapter)',
    engine: 'the first check or settings read (the checking engine, zod)',
    findings: 'when any action starts (the findings list, its data grid, the findings catalogue)',
    'submissions-ui': '报送工作: the first action chosen (its panels and inputs)',
    selftest: '自检 run (file mode: the report)',
    'settings-panel': 'right after the first render (the 设置 and 自检 accordion at the foot of the pane)',
    settings: 'once that accordion is shown (what it opens: the settings inputs, the self-test)',
  };
  for (const f of js.filter((x) => !initial.includes(x)).sort((a, b) => size(b) - size(a))) {
    const name = f.replace(/\.[0-9a-f]+\.js$/, '');
    out(`| \`${name}.js\` | ${kb(size(f))} KB | ${when[name] ?? 'on demand (shared by the chunks above)'} |`);
  }
  const text = lines.join('\n');
  process.stdout.write(`${text}\n`);
  if (write) {
    const file = path.join(ROOT, 'docs', 'benchmarks.md');
    const doc = fs.readFileSync(file, 'utf8');
    const block = `<!-- BUNDLE:START (written by \`node scripts/bundle-report.js --write\`) -->\n## What the pane's initial scripts are made of\n\nMeasured ${new Date().toISOString().slice(0, 10)} on a production build (\`ANALYZE=1\`: hidden source maps, bytes attributed to sources).\n\n${text}\n<!-- BUNDLE:END -->`;
    const next = /<!-- BUNDLE:START[\s\S]*?<!-- BUNDLE:END -->/.test(doc) ? doc.replace(/<!-- BUNDLE:START[\s\S]*?<!-- BUNDLE:END -->/, block) : `${doc.trimEnd()}\n\n${block}\n`;
    fs.writeFileSync(file, next);
  }
}

main();
