/**
 * Whether this page was opened by Office (a task pane), judged without Office.js: the same signals
 * office.js reads to find its host (office.debug.js `_retrieveHostInfo`): `window.external.GetHostInfo`
 * (Office on Windows), `agaveHost` (Office on Mac), the `_host_Info` query parameter, `hostInfo` in
 * `window.name` (Office on the web), or the host Office.js kept in sessionStorage (`hostInfoValue`). Used when Office.js failed to load, to say so instead of falling into
 * file mode inside Excel.
 */
export function openedByOffice(win: Window = window): boolean {
  try {
    if (/[?&]_host_Info=/i.test(win.location.search)) return true;
  } catch {
    /* no location */
  }
  try {
    const ext = (win as unknown as { external?: { GetHostInfo?: unknown } }).external;
    if (ext && typeof ext.GetHostInfo !== 'undefined') return true;
  } catch {
    /* window.external throws in some engines */
  }
  if (typeof (win as unknown as { agaveHost?: unknown }).agaveHost !== 'undefined') return true;
  try {
    const parsed: unknown = JSON.parse(win.name);
    if (parsed && typeof parsed === 'object' && 'hostInfo' in parsed) return true;
  } catch {
    /* window.name is not JSON */
  }
  try {
    // Office.js keeps the host it found here for the pane's later pages (office.debug.js `hostInfoValue`).
    if (win.sessionStorage?.getItem('hostInfoValue')) return true;
  } catch {
    /* storage unavailable */
  }
  return false;
}
