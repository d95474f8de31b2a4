// The runtime floor in the built pages (runtime-floor.json is the one statement of it): the syntax targets the
// scripts are compiled for, and the three inline scripts every page starts with — a syntax probe, the ES5 guard
// (src/runtime/guard.js) and the loader (src/runtime/loader.js), which loads the polyfill chunk only where the
// webview needs it, then the page's bundle. scripts/csp.js hashes these inline scripts like any other.
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const FLOOR = JSON.parse(fs.readFileSync(path.join(ROOT, 'runtime-floor.json'), 'utf8'));

/** browserslist query of the floor: what every script is compiled for and what the polyfill chunk covers. */
const TARGETS = FLOOR.floor.browserslist;

/** A source file without its leading doc comment (the comment stays in the repository, not in every page). */
function script(file) {
  return fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/^\/\*[\s\S]*?\*\/\s*/, '').trim();
}

/**
 * Runs only where the floor's syntax parses (async arrows, classes, destructuring, rest/spread arguments, template
 * literals, `**`): anything older fails to parse it, leaves the flag unset, and the guard counts that as below.
 */
const PROBE = 'window.__annexSyntax = (async (...a) => { const [x = 2] = a; class C { static f(y) { return `${y ** x}`; } } for (const z of a) await z; return C.f(3); }) && 1;';

/** <script> elements placed before anything else (and, on Office pages, before Office.js). */
function guardScripts(page, texts) {
  const config = { page, floor: FLOOR.floor.label, required: FLOOR.required, polyfilled: FLOOR.polyfilled, texts };
  return `<script>${PROBE}</script>\n    <script>${script('src/runtime/guard.js').replace('__ANNEX_FLOOR_CONFIG__', JSON.stringify(config))}</script>`;
}

/** The files of the polyfill entry in this compilation. */
function legacyFiles(compilation) {
  const entry = compilation.entrypoints.get('polyfills');
  return entry ? entry.getFiles().filter((f) => f.endsWith('.js')) : [];
}

/**
 * The loader <script>: `scripts` are the page's own bundle files (in order), `commands` the ribbon functions a page
 * answers with the floor message when it cannot run (the function file's). The lists are also in data- attributes
 * for tools that read the page (the bench, the tests).
 */
function loaderScript(compilation, page, scripts, commands = []) {
  // An entry's own chunk (with webpack's runtime) first, then the chunks split from it (webpack starts the entry once
  // all of them have run, in whatever order): the page's script leads the list, as when it was a single file.
  const entryFiles = new Set([...compilation.entrypoints.values()].flatMap((e) => [...e.getEntrypointChunk().files]));
  scripts = [...scripts.filter((f) => entryFiles.has(f)), ...scripts.filter((f) => !entryFiles.has(f))];
  const files = { page, scripts, legacy: legacyFiles(compilation), commands };
  const attrs = `data-annex-scripts="${scripts.join(' ')}" data-annex-legacy="${files.legacy.join(' ')}"`;
  return `<script ${attrs}>${script('src/runtime/loader.js').replace('__ANNEX_FILES__', JSON.stringify(files))}</script>`;
}

module.exports = { FLOOR, TARGETS, PROBE, guardScripts, loaderScript, legacyFiles };
