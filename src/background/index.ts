import type { BundledCorpus } from '../core/corpus/types';
import type { MessageSender } from '../shared/browser';
import { extensionApi } from '../shared/browser';
import { readTab, type TabApi } from './read-tab';
import { alwaysOnSite, highlightActiveTab, highlightTab, registeredSites, type HighlightApi } from './highlight-tab';
import { type CorpusApi, corpusService } from './corpus-service';
import { ensureSeeded } from './corpus-store';
import { CorpusDb } from './db';
import { feedsService } from './feeds/service';
import { handleMessage } from './handle-message';
import { notesService } from './notes-service';
import { pageService } from './page-service';
import { autoFetchFullText, fetchFullText, politePage } from './full-text';
import { readFollowing } from './feeds/settings';
import { forgetTab } from './readings';
import { syncSitesOff } from './sites-off';
import { upgradeEntry } from './corpus-store';
import { engineWarmer } from './warm';
import { usePrebuiltWords } from '../core/actors/dictionary';
import prebuiltWords from 'crosswire:dictionary-words';

// Before anything builds the engine's dictionary: its words as the build worked them out.
usePrebuiltWords(prebuiltWords);

const { runtime, contextMenus, action, commands, tabs, alarms, permissions } = extensionApi;
const tabApi = extensionApi as unknown as TabApi;
const highlightApi = extensionApi as unknown as HighlightApi;
const db = new CorpusDb();
const ADD_PAGE_MENU = 'crosswire-add-page';
const HIGHLIGHT_MENU = 'crosswire-highlight-page';
const NOTE_MENU = 'crosswire-add-note';
/** The settings row counting today's automatic full-text fetches. */
const FULL_TEXT_TODAY = 'fullTextToday';
const today = () => new Date().toISOString().slice(0, 10);

/** The bundled corpus, as the build wrote it. */
const bundledCorpus = async () => (await (await fetch(runtime.getURL('corpus.json'))).json()) as BundledCorpus;
/** Seed (or re-seed after an update) the bundled corpus; a no-op when this version's seed is in. */
const seed = (force = false) =>
  ensureSeeded(db, runtime.getManifest().version, bundledCorpus, force).catch((error: unknown) =>
    console.error('Crosswire: seeding the corpus failed', error),
  );

// Every start checks the seeding (one settings row when current), which covers a worker that
// was stopped during an install-time seed.
const ready = seed();
const corpusBase = corpusService(db, ready);
// Every settings change (the popup's switch, the options page, a restored backup) marks the
// sites switched off for the content script (sites-off.ts). A site that could not be marked
// would still be highlighted, so that failure is the change's error.
const corpus: CorpusApi = {
  ...corpusBase,
  updateSettings: async (changes) => {
    const next = await corpusBase.updateSettings(changes);
    await syncSitesOff(highlightApi, next.disabledSites);
    return next;
  },
};
/** Marked again once per install, update and browser start (sites-off.ts), not on every wake of the worker. */
const markSitesOffAgain = () =>
  void corpus
    .settings()
    .then((settings) => syncSitesOff(highlightApi, settings.disabledSites))
    .catch((error: unknown) => console.error('Crosswire: marking the sites switched off failed', error));
const notes = notesService(db, ready, corpus);
const pages = pageService(db, ready, corpus, (tabId) => readTab(tabApi, tabId), {
  // The reader's opt-in: the page's best matches that are feed headlines, fetched in full within a daily limit.
  afterRead: (story) =>
    void autoFetchFullText({
      settings: () => readFollowing(db),
      versions: story,
      fetchFullText: (articleId) => fullText(articleId),
      fetchedToday: async () => {
        const row = (await db.settings.get(FULL_TEXT_TODAY))?.value as { day: string; count: number } | undefined;
        return row?.day === today() ? row.count : 0;
      },
      countFetch: async () => {
        const row = (await db.settings.get(FULL_TEXT_TODAY))?.value as { day: string; count: number } | undefined;
        const count = row?.day === today() ? row.count + 1 : 1;
        await db.settings.put({ key: FULL_TEXT_TODAY, value: { day: today(), count } });
      },
    }).catch(reportFeedError),
});
const feeds = feedsService(db, ready, {
  // Called through globalThis: a fetch detached from its global throws "Illegal invocation".
  fetch: (input, init) => globalThis.fetch(input, init),
  now: Date.now,
  alarms,
  permissions,
  manifestHosts: runtime.getManifest().host_permissions ?? [],
  alwaysOnSites: async () => {
    const sites = await registeredSites(highlightApi);
    return sites.ok ? sites.value.origins : [];
  },
  storageEstimate: async () => {
    const estimate = await navigator.storage?.estimate?.();
    return estimate ? { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 } : null;
  },
});

// A feed entry fetched in full, on the reader's request: the page read on an inert document
// (required, not imported, so that it is evaluated on first use: see parse-html.ts).
const parseHtml = (html: string) => (require('./parse-html') as typeof import('./parse-html')).parseHtml(html);
const fullText = (articleId: string) =>
  ready.then(() =>
    fetchFullText(
      articleId,
      { get: (id) => db.articles.get(id), upgrade: (article) => upgradeEntry(db, article) },
      { fetchPage: politePage((input, init) => globalThis.fetch(input, init), Date.now), parseHtml },
    ),
  );

/** Once per worker: the engine made ready when a news page starts loading (warm.ts). */
const warm = engineWarmer();

// Registered in the first turn, so the alarm that woke the worker reaches it.
alarms.onAlarm.addListener((alarm) => void feeds.onAlarm(alarm.name).catch(reportFeedError));
void feeds.start().catch(reportFeedError);

function reportFeedError(error: unknown): void {
  console.error('Crosswire: following the news failed', error);
}

runtime.onMessage.addListener((message: unknown, sender: MessageSender) => {
  // The polyfill sends a returned promise's value as the response; undefined sends none.
  return handleMessage(message, sender, {
    extensionId: runtime.id,
    extensionOrigin: runtime.getURL(''),
    version: runtime.getManifest().version,
    corpus,
    notes,
    pages,
    feeds,
    fullText,
    warm,
    highlightTab: (tabId) => highlightTab(highlightApi, tabId),
    revealInTab: async (tabId, kind, id) => {
      // The content script answers true when it showed it; no answer means Crosswire is not on that page.
      const shown = await highlightApi.tabs
        .sendMessage(tabId, { type: 'crosswire-reveal', kind, id })
        .catch(() => false);
      return { ok: true, value: { shown: shown === true } };
    },
    alwaysOnSite: (origin, on) => alwaysOnSite(highlightApi, origin, on),
    registeredSites: () => registeredSites(highlightApi),
  });
});

// A closed tab's page is no longer the popup's business (its reading stays, by article id).
tabs.onRemoved.addListener((tabId) => void forgetTab(db, tabId).catch(() => undefined));

runtime.onStartup.addListener(markSitesOffAgain);
runtime.onInstalled.addListener(() => {
  // An update, or a reload of a developer's build, may bring other seeds under the same version.
  void ready.then(() => seed(true));
  markSitesOffAgain();
  // Menus persist across restarts; recreate them once per install or update.
  void contextMenus.removeAll().then(() => {
    contextMenus.create({ id: HIGHLIGHT_MENU, title: 'Highlight this page with Crosswire', contexts: ['page'] });
    contextMenus.create({ id: ADD_PAGE_MENU, title: 'Add this page to the Crosswire corpus', contexts: ['page'] });
    contextMenus.create({ id: NOTE_MENU, title: 'Add a Crosswire note', contexts: ['selection'] });
  });
});

contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === HIGHLIGHT_MENU && tab?.id !== undefined) void highlightTab(highlightApi, tab.id);
  if (info.menuItemId === NOTE_MENU && tab?.id !== undefined) void noteOnSelection(tab.id);
  if (info.menuItemId !== ADD_PAGE_MENU || tab?.id === undefined) return;
  const tabId = tab.id;
  void pages.addTab(tabId).then((result) => {
    // The badge says what happened on that tab; the tooltip says it in words.
    void action.setBadgeText({ tabId, text: result.ok ? '+1' : '!' });
    void action.setTitle({
      tabId,
      title: result.ok ? 'Crosswire: page added to the corpus' : `Crosswire: ${result.error}`,
    });
  });
});

// The keyboard shortcut (manifest "commands"): highlight the active tab once.
commands.onCommand.addListener((command) => {
  if (command === 'highlight-page') void highlightActiveTab(highlightApi);
  if (command === 'add-note')
    void tabApi.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => (tab?.id === undefined ? undefined : noteOnSelection(tab.id)));
});

/**
 * Ask the tab's content script to open the note form on the selection. Where Crosswire is
 * not running (a site off the list), it is injected first (the menu click or the shortcut
 * grants activeTab); the badge says when there is nothing to note.
 */
async function noteOnSelection(tabId: number): Promise<void> {
  const ask = () => highlightApi.tabs.sendMessage(tabId, { type: 'crosswire-note-selection' }).catch(() => null);
  let opened = await ask();
  if (opened === null && (await highlightTab(highlightApi, tabId)).ok) {
    // The injected script reads and highlights the page first; give it a moment, then ask again.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    opened = await ask();
  }
  if (opened !== true) {
    void action.setBadgeText({ tabId, text: '!' });
    void action.setTitle({ tabId, title: 'Crosswire: select some text in the article first, then add a note' });
  }
}
