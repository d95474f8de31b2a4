// Content-Security-Policy for every page we build (the pane, the ribbon's function file, its message page, and
// the WPS pages): a <meta> that allows only what the page loads — our own scripts, Office.js from where it is
// configured to come from, and each inline script by its SHA-256 hash (computed from the emitted page, so a
// changed guard script can never be left unlisted). Styles allow 'unsafe-inline': Fluent UI writes its CSS
// into <style> elements at run time. No plugins, no <base>, no form posts; frames only Office.js's telemetry page.
const { createHash } = require('crypto');

/** The origin of an absolute http(s) URL; null for a relative one or none. */
function originOf(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * Office.js frames its telemetry page (seen in Chromium: it is refused without this). Only pages that load
 * Office.js allow it.
 */
const OFFICE_JS_FRAMES = ['https://telemetryservice.firstpartyapps.oaspapps.com'];

/** The policy for a page, given its HTML, the extra script origins (Office.js) and the frames it may open. */
function policyFor(html, scriptOrigins, frames = []) {
  const hashes = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (/\bsrc\s*=/.test(m[1])) continue;
    hashes.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
  }
  const origins = [...new Set(scriptOrigins.filter(Boolean))];
  return [
    "default-src 'self'",
    `script-src 'self' ${[...origins, ...hashes].join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${origins.join(' ')}`.trim(),
    `frame-src 'self' ${frames.join(' ')}`.trim(),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Inserts the policy meta right after <meta charset> (before any script, so it governs all of them). */
function withPolicy(html, scriptOrigins, frames = []) {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(html, scriptOrigins, frames)}" />`;
  const charset = /<meta\s+charset=[^>]*>/i.exec(html);
  if (charset) return html.slice(0, charset.index + charset[0].length) + `\n    ${meta}` + html.slice(charset.index + charset[0].length);
  return html.replace(/<head[^>]*>/i, (h) => `${h}\n    ${meta}`);
}

class CspPlugin {
  /** @param {{ officeJsUrl?: string }} options  officeJsUrl: the pages load Office.js (from there). */
  constructor(options = {}) {
    this.origins = [originOf(options.officeJsUrl || '')];
    this.frames = options.officeJsUrl ? OFFICE_JS_FRAMES : [];
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.compilation.tap('CspPlugin', (compilation) => {
      // After the pages are emitted and minified: the hashes are of the bytes the browser will run.
      compilation.hooks.processAssets.tap({ name: 'CspPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER - 1 }, (assets) => {
        for (const name of Object.keys(assets)) {
          if (!name.endsWith('.html')) continue;
          const html = String(assets[name].source());
          if (html.includes('http-equiv="Content-Security-Policy"') || html.includes('http-equiv=Content-Security-Policy')) continue;
          // message.html (the ribbon's notice page) loads no Office.js and frames nothing.
          const frames = /office\.js/i.test(html) ? this.frames : [];
          compilation.updateAsset(name, new sources.RawSource(withPolicy(html, this.origins, frames)));
        }
      });
    });
  }
}

module.exports = { CspPlugin, policyFor, withPolicy, originOf, OFFICE_JS_FRAMES };
