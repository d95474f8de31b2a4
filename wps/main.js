/*
 * 附件审核助手 — the WPS加载项's ribbon functions: the callbacks ribbon.xml names (customUI onLoad, onAction,
 * getImage). Plain ES5 and synchronous (some WPS builds do not show a ribbon whose callbacks are async): each
 * callback hands its work to the bundled commands (window.AnnexAuditWps, loaded by index.html) and shows the
 * message they resolve with. npm run build:wps fills in the pane URL and the fallback message. On a webview below
 * the runtime floor (runtime-floor.json) index.html's guard sets window.AnnexAuditBlocked to the message instead.
 */
var ANNEX_AUDIT_PANE_URL = '__ANNEX_AUDIT_PANE_URL__';
var ANNEX_AUDIT_UNAVAILABLE = { 'zh-CN': '__ANNEX_AUDIT_UNAVAILABLE__', 'en-US': '__ANNEX_AUDIT_UNAVAILABLE__' };

function annexAuditLang() {
  try {
    return window.localStorage.getItem('annex-audit.lang') === 'en-US' ? 'en-US' : 'zh-CN';
  } catch (e) {
    return 'zh-CN';
  }
}

function annexAuditTell(message) {
  if (message) alert(message);
}

function annexAuditRun(name, arg) {
  // Below the runtime floor the guard in index.html loads no commands and leaves the message that says why.
  if (typeof window.AnnexAuditBlocked === 'string') {
    annexAuditTell(window.AnnexAuditBlocked);
    return;
  }
  var api = window.AnnexAuditWps;
  if (!api || typeof api[name] !== 'function') {
    annexAuditTell(ANNEX_AUDIT_UNAVAILABLE[annexAuditLang()]);
    return;
  }
  var done = arg === undefined ? api[name]() : api[name](arg);
  done.then(annexAuditTell, function () {
    annexAuditTell(ANNEX_AUDIT_UNAVAILABLE[annexAuditLang()]);
  });
}

function OnAddinLoad(ribbonUI) {
  if (window.Application && typeof window.Application.ribbonUI !== 'object') window.Application.ribbonUI = ribbonUI;
  return true;
}

// The spelling some WPS documentation uses.
var OnAddInLoad = OnAddinLoad;

function OnAction(control) {
  switch (control.Id) {
    case 'annexAuditOpen':
      annexAuditRun('openPane', ANNEX_AUDIT_PANE_URL);
      break;
    case 'annexAuditRecompute':
      annexAuditRun('recompute');
      break;
    case 'annexAuditClear':
      annexAuditRun('clear');
      break;
    default:
      break;
  }
  return true;
}

function GetImage(control) {
  return 'assets/icon-32.png';
}
