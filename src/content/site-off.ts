/**
 * Registered by the background (src/background/sites-off.ts) for the sites the reader switched
 * Crosswire off, at document_start: the content script, in the same world, finds the flag at
 * once and leaves the page alone unless the reader asks for it.
 */
(globalThis as { crosswireSiteOff?: boolean }).crosswireSiteOff = true;
