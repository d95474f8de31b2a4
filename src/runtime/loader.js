/*
 * Loads the page's scripts once the guard (src/runtime/guard.js) has judged the webview: the polyfill chunk first
 * where the runtime is at the floor but not current, then the page's own bundle, in that order. Below the floor it
 * loads nothing: the pane already shows the message, and the ribbon commands answer every button with it in a
 * dialog, then complete the event. Plain ES5; the build fills in FILES. On a webview that is not current, an error
 * thrown while our scripts start is answered the same way, never with a blank pane or a silent button.
 */
(function (w) {
  var FILES = __ANNEX_FILES__;
  var state = w.__annexFloor || { ok: true, modern: true, texts: [], engine: '?', lang: 'zh-CN', page: FILES.page };
  var d = w.document;

  function message() {
    return state.texts[state.lang === 'en-US' ? 1 : 0] || state.texts[0] || '';
  }

  /** Ribbon commands that cannot run: show the message in a dialog, and complete the event once it is closed. */
  function answerCommands() {
    if (state.answering || typeof w.Office === 'undefined' || !w.Office.actions || typeof w.Office.actions.associate !== 'function') return;
    state.answering = true;
    var tell = function (event) {
      var done = false;
      var finish = function () {
        if (done) return;
        done = true;
        if (event && typeof event.completed === 'function') event.completed();
      };
      var cap = setTimeout(finish, 4 * 60 * 1000);
      try {
        var here = String(w.location.href).replace(/[?#].*$/, '');
        var url = here.slice(0, here.lastIndexOf('/') + 1) + 'message.html?m=' + encodeURIComponent(message());
        w.Office.context.ui.displayDialogAsync(url, { height: 25, width: 30, displayInIframe: true }, function (result) {
          if (!result || result.status !== 'succeeded') {
            clearTimeout(cap);
            finish();
            return;
          }
          result.value.addEventHandler('dialogEventReceived', function () {
            clearTimeout(cap);
            finish();
          });
        });
      } catch (_e) {
        clearTimeout(cap);
        finish();
      }
    };
    for (var i = 0; i < FILES.commands.length; i++) w.Office.actions.associate(FILES.commands[i], tell);
  }

  function unavailable() {
    if (FILES.page === 'pane' && state.show) state.show();
    else if (FILES.page === 'commands') answerCommands();
    else if (FILES.page === 'wps-ribbon') w.AnnexAuditBlocked = message();
  }

  if (!state.ok) {
    unavailable();
    return;
  }
  var ours = FILES.scripts.concat(state.modern ? [] : FILES.legacy);
  if (!state.modern && w.addEventListener) {
    // At the floor but not current: a failure while our scripts start still ends in the message.
    w.addEventListener('error', function (e) {
      var from = (e && e.filename) || '';
      for (var i = 0; i < ours.length; i++) if (from.indexOf(ours[i]) >= 0 && !w.__paneReady && !w.__annexStarted) unavailable();
    });
  }
  var list = (state.modern ? [] : FILES.legacy).concat(FILES.scripts);
  var head = d.head || d.getElementsByTagName('head')[0] || d.documentElement;
  for (var j = 0; j < list.length; j++) {
    var s = d.createElement('script');
    s.src = list[j];
    s.async = false; // run in insertion order: polyfills, then the bundle
    head.appendChild(s);
  }
})(window);
