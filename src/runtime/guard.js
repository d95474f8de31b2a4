/*
 * The runtime-floor guard, inlined into every page before anything else runs (the build fills in CONFIG from
 * runtime-floor.json and the message catalogue). Plain ES5 on purpose: it must run where the bundles cannot.
 * It decides, by feature detection (never by version numbers), whether this webview is
 *   - below the floor (a missing built-in the bundles need natively, or the syntax probe did not run): the bundles
 *     are never loaded, and the page says so (pane: the message in place of the pane; ribbon commands: the message
 *     in a dialog, then event.completed; WPS ribbon: main.js shows it);
 *   - at the floor but not current (a built-in of `polyfilled` missing): the polyfill chunk is loaded first;
 *   - current: only the page's own bundle is loaded.
 * The result is window.__annexFloor = { ok, modern, missing, engine }; src/runtime/loader.js acts on it.
 */
(function (w) {
  var CONFIG = __ANNEX_FLOOR_CONFIG__;
  function has(path) {
    var parts = path.split('.');
    var o = w;
    for (var i = 0; i < parts.length; i++) {
      if (o === null || o === undefined) return false;
      try {
        o = o[parts[i]];
      } catch (_e) {
        return false;
      }
    }
    return o !== null && o !== undefined;
  }
  var ua = (w.navigator && w.navigator.userAgent) || '';
  var engine = (function () {
    var rules = [
      [/Trident\/|MSIE /, 'Trident (Internet Explorer 11)'],
      [/\bEdge\/(\d+)/, 'EdgeHTML $1 (Microsoft Edge Legacy)'],
      [/\b(?:Chrome|Chromium)\/(\d+)/, 'Chromium $1'],
      [/Version\/(\d+(?:\.\d+)?).*Safari\//, 'Safari $1'],
      [/AppleWebKit\/(\d+)/, 'WebKit $1'],
    ];
    for (var r = 0; r < rules.length; r++) {
      var found = rules[r][0].exec(ua);
      if (found) return rules[r][1].replace('$1', found[1] || '');
    }
    return ua.slice(0, 80) || '?';
  })();
  var missing = [];
  for (var i = 0; i < CONFIG.required.length; i++) if (!has(CONFIG.required[i])) missing.push(CONFIG.required[i]);
  if (w.__annexSyntax !== 1) missing.push('ES2017 syntax');
  var modern = missing.length === 0;
  for (var j = 0; modern && j < CONFIG.polyfilled.length; j++) if (!has(CONFIG.polyfilled[j])) modern = false;
  var lang = 'zh-CN';
  try {
    if (w.localStorage && w.localStorage.getItem('annex-audit.lang') === 'en-US') lang = 'en-US';
  } catch (_e) {
    /* storage unavailable: zh-CN */
  }
  var texts = [];
  for (var k = 0; k < CONFIG.texts.length; k++) texts.push(CONFIG.texts[k].split('{engine}').join(engine).split('{floor}').join(CONFIG.floor));
  var state = { ok: missing.length === 0, modern: modern, missing: missing, engine: engine, texts: texts, lang: lang, page: CONFIG.page };
  w.__annexFloor = state;

  /** The message in place of the pane (both languages, the user's first). */
  state.show = function () {
    if (CONFIG.page !== 'pane' || w.__paneReady || state.shown) return;
    var d = w.document;
    var root = d.getElementById('root') || d.body;
    if (!root) {
      if (d.addEventListener) d.addEventListener('DOMContentLoaded', state.show);
      return;
    }
    state.shown = true;
    root.innerHTML = '';
    var order = lang === 'en-US' ? [1, 0] : [0, 1];
    for (var n = 0; n < order.length; n++) {
      var p = d.createElement('p');
      p.style.margin = '12px';
      p.setAttribute('role', n === 0 ? 'alert' : 'note');
      p.appendChild(d.createTextNode(texts[order[n]] + (n === 0 && missing.length ? ' [' + missing.join(', ') + ']' : '')));
      root.appendChild(p);
    }
  };
  if (!state.ok) state.show();
})(window);
