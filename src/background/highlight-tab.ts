import type { ContentCommand, Result } from '../messages';

/** The slice of the extension API that highlighting a tab on request needs (a fake in tests). */
export interface HighlightApi {
  tabs: {
    query(query: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: ContentCommand): Promise<unknown>;
  };
  scripting: {
    executeScript(injection: { target: { tabId: number }; files?: string[]; func?: () => void }): Promise<unknown[]>;
    insertCSS(injection: { target: { tabId: number }; files: string[] }): Promise<void>;
    registerContentScripts(
      scripts: {
        id: string;
        matches: string[];
        js: string[];
        css?: string[];
        runAt: 'document_start' | 'document_idle';
      }[],
    ): Promise<void>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
    getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]>;
  };
}

/** The highlights' stylesheet, injected with the content script wherever it goes. */
const MARKS_CSS = 'marks.css';

/**
 * Highlight a tab once, on the user's request (popup button, context menu, shortcut: each
 * grants activeTab). A page of a default site already has the content script: tell it.
 * Anywhere else, inject it, marked as asked-for so it runs even where it would not on its own.
 */
export async function highlightTab(api: HighlightApi, tabId: number): Promise<Result<{ highlighted: true }>> {
  try {
    await api.tabs.sendMessage(tabId, { type: 'crosswire-highlights', on: true });
    return { ok: true, value: { highlighted: true } };
  } catch {
    // No content script there yet.
  }
  try {
    await api.scripting.executeScript({
      target: { tabId },
      func: () => void ((globalThis as { crosswireRequested?: boolean }).crosswireRequested = true),
    });
    await api.scripting.insertCSS({ target: { tabId }, files: [MARKS_CSS] });
    await api.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
    return { ok: true, value: { highlighted: true } };
  } catch (error) {
    return {
      ok: false,
      error: `cannot highlight this page: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

export async function highlightActiveTab(api: HighlightApi): Promise<Result<{ highlighted: true }>> {
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? { ok: false, error: 'no active tab' } : highlightTab(api, tab.id);
}

const SITE_PREFIX = 'site:';
const scriptId = (origin: string) => `${SITE_PREFIX}${origin}`;
/** The wake script's registration for the same site (src/content/wake.ts), as on the default sites. */
const wakeId = (origin: string) => `wake:${origin}`;

/** The sites the content script is registered for, by "always on this site". */
export async function registeredSites(api: HighlightApi): Promise<Result<{ origins: string[] }>> {
  try {
    const scripts = await api.scripting.getRegisteredContentScripts();
    return {
      ok: true,
      value: {
        origins: scripts
          .filter((s) => s.id.startsWith(SITE_PREFIX))
          .map((s) => s.id.slice(SITE_PREFIX.length))
          .sort(),
      },
    };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * "Always on this site": after the popup obtained the site's optional host permission, run
 * the content script there on every page, as on the default sites; or stop doing so.
 */
export async function alwaysOnSite(
  api: HighlightApi,
  origin: string,
  on: boolean,
): Promise<Result<{ origin: string; on: boolean }>> {
  try {
    // One call each: a call naming an id that is not registered removes none (a site made
    // "always on" before the wake script existed has no wake registration).
    for (const id of [scriptId(origin), wakeId(origin)])
      await api.scripting.unregisterContentScripts({ ids: [id] }).catch(() => undefined);
    if (on)
      await api.scripting.registerContentScripts([
        {
          id: scriptId(origin),
          matches: [`${origin}/*`],
          js: ['content.js'],
          css: [MARKS_CSS],
          runAt: 'document_idle',
        },
        { id: wakeId(origin), matches: [`${origin}/*`], js: ['wake.js'], runAt: 'document_start' },
      ]);
    return { ok: true, value: { origin, on } };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
