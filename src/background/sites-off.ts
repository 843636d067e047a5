import type { HighlightApi } from './highlight-tab';

/** The registered script that marks the sites the reader switched Crosswire off (see syncSitesOff). */
export const SITES_OFF_SCRIPT = 'sites-off';
/** What it runs: it sets `crosswireSiteOff` in our content scripts' world (src/content/site-off.ts). */
const SITE_OFF_FILE = 'site-off.js';
/** A host a match pattern can name (a bracketed IPv6 address cannot be one; pages there stay on). */
const HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/i;

/**
 * Keep the sites the reader switched off marked before the content script starts there: a
 * script registered for those hosts at document_start sets a flag in our content scripts'
 * world, which the content script reads at once. It used to ask the background for the
 * settings first, a round trip of 12-20 ms before every page's text could go (more in
 * Firefox), and it now does nothing at all on a site that is off. Chromium keeps registered
 * scripts across sessions (`persistAcrossSessions`, checked here); this is called on every
 * settings change, and once per install, update and browser start in case a browser did not,
 * and does nothing when the registration already says the same.
 */
export async function syncSitesOff(api: Pick<HighlightApi, 'scripting'>, hosts: readonly string[]): Promise<void> {
  const matches = [...new Set(hosts.filter((h) => HOST.test(h)).map((h) => `*://${h.toLowerCase()}/*`))].sort();
  const current = (await api.scripting.getRegisteredContentScripts()).find((s) => s.id === SITES_OFF_SCRIPT);
  if (current && JSON.stringify([...(current.matches ?? [])].sort()) === JSON.stringify(matches)) return;
  if (!current && matches.length === 0) return;
  if (current) await api.scripting.unregisterContentScripts({ ids: [SITES_OFF_SCRIPT] });
  if (matches.length)
    await api.scripting.registerContentScripts([
      { id: SITES_OFF_SCRIPT, matches, js: [SITE_OFF_FILE], runAt: 'document_start' },
    ]);
}
