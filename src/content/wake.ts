/**
 * Runs at document_start on the default news sites, before the page is parsed, and only asks
 * the background to get ready (the `wake` request, which carries nothing about the page).
 * Chrome stops the service worker after 30 seconds without events, and Firefox suspends its
 * event page, so most articles find the background stopped; started by the article itself at
 * document_idle, the worker used to take most of a second before the first highlights (its
 * start, then the engine's dictionary). Woken here, it does that while the page loads.
 * A few lines and no polyfill: this runs on every page of those sites. On a site the reader
 * switched off, the flag site-off.ts sets (when it has run first) keeps it quiet.
 */
type Runtime = { sendMessage(message: unknown): Promise<unknown> | undefined };
const scope = globalThis as {
  browser?: { runtime?: Runtime };
  chrome?: { runtime?: Runtime };
  crosswireSiteOff?: boolean;
};

if (!scope.crosswireSiteOff) {
  try {
    void (scope.browser ?? scope.chrome)?.runtime?.sendMessage({ type: 'wake' })?.catch(() => undefined);
  } catch {
    // The extension was updated or removed under this page: nothing to wake.
  }
}
