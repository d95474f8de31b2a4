/**
 * The Content-Security-Policy every built page carries (scripts/csp.js, applied by both webpack configs after
 * minification): only our scripts, Office.js's origin and each inline script by its hash; no plugins, no
 * <base>, no form posts. A Chromium check of the built pages (no violation, the inline guard and the message
 * page's script still run) is in test/e2e.
 */
import { createHash } from 'node:crypto';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { originOf, policyFor, withPolicy } = require('../../scripts/csp.js') as {
  originOf(url: string): string | null;
  policyFor(html: string, origins: (string | null)[], frames?: string[]): string;
  withPolicy(html: string, origins: (string | null)[]): string;
};

const PAGE = `<!doctype html><html><head><meta charset=utf-8><title>t</title><script>var a=1;</script><script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script><script defer src=taskpane.js></script></head><body><script>document.title='x'</script></body></html>`;

const sha = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

describe('Content-Security-Policy of the built pages', () => {
  it('allows our scripts, Office.js’s origin and exactly the inline scripts of the page, by hash', () => {
    const policy = policyFor(PAGE, [originOf('https://appsforoffice.microsoft.com/lib/1/hosted/office.js')]);
    const script = policy.split('; ').find((d) => d.startsWith('script-src')) ?? '';
    expect(script.split(' ').sort()).toEqual(['script-src', "'self'", 'https://appsforoffice.microsoft.com', sha('var a=1;'), sha("document.title='x'")].sort());
    expect(policy).not.toContain("'unsafe-eval'");
    expect(script).not.toContain("'unsafe-inline'");
    for (const d of ["object-src 'none'", "base-uri 'none'", "form-action 'none'", "default-src 'self'"]) expect(policy).toContain(d);
  });

  it('the meta goes right after <meta charset>, before any script, once', () => {
    const out = withPolicy(PAGE, [null]);
    const meta = out.indexOf('http-equiv="Content-Security-Policy"');
    expect(meta).toBeGreaterThan(out.indexOf('<meta charset'));
    expect(meta).toBeLessThan(out.indexOf('<script'));
    expect(out.match(/Content-Security-Policy/g)).toHaveLength(1);
  });

  it('a relative Office.js URL (self-hosted) adds no origin; a page without scripts gets no hashes', () => {
    expect(originOf('/office-js/office.js')).toBeNull();
    expect(originOf('https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js')).toBe('https://appsforoffice.cdn.partner.office365.cn');
    expect(policyFor('<html><head></head></html>', [null])).toContain("script-src 'self';");
  });
});

describe('frames', () => {
  it('a page that loads Office.js may frame only Office.js’s telemetry page; others frame nothing but themselves', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { OFFICE_JS_FRAMES } = require('../../scripts/csp.js') as { OFFICE_JS_FRAMES: string[] };
    expect(policyFor(PAGE, [null], OFFICE_JS_FRAMES)).toContain("frame-src 'self' https://telemetryservice.firstpartyapps.oaspapps.com;");
    expect(policyFor(PAGE, [null])).toContain("frame-src 'self';");
  });
});
