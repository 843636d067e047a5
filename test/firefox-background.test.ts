// Runs the Firefox build as Firefox would, in Node: dist/firefox/background.js as an MV3
// event page and dist/firefox/content.js on an article page, each in its own `node:vm`
// context holding what Firefox gives that context (see firefox-env.ts), and talks to them
// through a fake `browser` namespace as Firefox's messaging does. What it catches that the
// unit tests cannot: a bundle that needs a service-worker global, a polyfill that does not
// take Firefox's path, listeners registered too late for an event page, seeding that cannot
// reach the bundled corpus through a moz-extension:// URL, replies that cannot be cloned.
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReplyValues, RequestType, Result } from '../src/messages';
import { DIST, ensureBuilt } from './ensure-built';
import {
  EXTENSION_ORIGIN,
  readManifest,
  startBackground,
  startContentScript,
  until,
  type Background,
  type Sender,
} from './firefox-env';

const FIREFOX = join(DIST, 'firefox');

beforeAll(ensureBuilt);

/** The value of a successful reply, failing the test with the error of any other. */
function okValue<K extends RequestType>(_type: K, reply: unknown): ReplyValues[K] {
  const result = reply as Result<ReplyValues[K]> | undefined;
  if (!result?.ok) throw new Error(`expected an ok reply, got ${JSON.stringify(reply)}`);
  return result.value;
}

describe('dist/firefox/manifest.json', () => {
  it('declares an MV3 event page (background.scripts), not a service worker, and a gecko id', () => {
    const manifest = readManifest(FIREFOX);
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background.scripts).toEqual(['background.js']);
    expect(manifest.background).not.toHaveProperty('service_worker');
    // Firefox loads `scripts` as classic scripts: a "type": "module" here would be wrong.
    expect(manifest.background).not.toHaveProperty('type');
    expect(manifest.browser_specific_settings?.gecko?.id).toMatch(/^[\w.-]+@[\w.-]+$/);
  });
});

describe('dist/firefox/background.js as a Firefox event page', () => {
  let background: Background;
  let popup: Sender;

  // A fresh IndexedDB per test: each background starts as in a new profile, as on install.
  beforeEach(() => {
    background = startBackground(FIREFOX, new IDBFactory());
    // What Firefox reports for a message from the extension's popup.
    popup = { id: background.browser.runtime.id, url: `${EXTENSION_ORIGIN}popup.html` };
  });

  const ask = (message: unknown, sender: Sender = popup) => background.send(message, sender);
  const seeded = () =>
    until(
      async () => {
        const status = okValue('corpus-status', await ask({ type: 'corpus-status' }));
        return status.articles === 3 && status;
      },
      5000,
      'the bundled corpus to be seeded',
    );

  it('registers its listeners synchronously, on the browser object Firefox provides', () => {
    // Firefox wakes an event page for an event and delivers it once the script has run its
    // first turn; a listener added after an await would miss the event that woke the page.
    // So this looks right after evaluating the script, with no await in between.
    const fresh = startBackground(FIREFOX, new IDBFactory());
    const { runtime, contextMenus, commands } = fresh.browser;
    expect(runtime.onMessage.listeners).toHaveLength(1);
    expect(runtime.onInstalled.listeners).toHaveLength(1);
    expect(contextMenus.onClicked.listeners).toHaveLength(1);
    expect(commands.onCommand.listeners).toHaveLength(1);
    // The listeners landing on our fake `browser` events means the polyfill returned
    // globalThis.browser as it is (its `chrome` stand-in has only runtime.id; a wrapped one
    // would have thrown at startup).
  });

  it('answers ping with the manifest version', async () => {
    expect(await ask({ type: 'ping' })).toEqual({ ok: true, value: { version: readManifest(FIREFOX).version } });
  });

  it('seeds the 3 bundled articles from moz-extension://…/corpus.json', async () => {
    const status = await seeded();
    expect(status).toMatchObject({ articles: 3, bundled: 3, user: 0 });
    expect(typeof status.version).toBe('string');
    expect(background.fetched).toEqual([`${EXTENSION_ORIGIN}corpus.json`]);
    expect(background.console.filter(([level]) => level === 'error')).toEqual([]);
  });

  it('reads a content script’s page once: finds Sergey Lavrov, and keeps the reading for the tab', async () => {
    const text = "Russia's Foreign Minister Sergey Lavrov met Hillary Clinton at the United Nations.";
    const tab: Sender = { id: background.browser.runtime.id, url: 'https://www.reuters.com/world/y', tab: { id: 4 } };
    const page = { text, url: 'https://www.reuters.com/world/y' };
    const reading = okValue('read-page', await ask({ type: 'read-page', page }, tab));
    expect(okValue('page-of-tab', await ask({ type: 'page-of-tab', tabId: 4 }))).toEqual(reading);
    const annotations = reading.annotations;
    expect(annotations).toContainEqual(
      expect.objectContaining({ kind: 'actor', actorId: 'sergey-lavrov', text: 'Sergey Lavrov' }),
    );
  });

  it('matches a stored article with the other versions of its story', async () => {
    await seeded();
    const list = okValue('list-articles', await ask({ type: 'list-articles' }));
    expect(list.total).toBe(3);
    const ids = list.items.map((item) => item.articleId);
    const [articleId] = ids;
    const versions = okValue('story-match', await ask({ type: 'story-match', articleId }));
    expect(versions.length).toBeGreaterThan(0);
    for (const version of versions) {
      expect(version.articleId).not.toBe(articleId);
      expect(ids).toContain(version.articleId);
    }
  });

  it('ignores a message from another extension (no answer at all)', async () => {
    // Firefox delivers runtime messages from other extensions only to onMessageExternal, but
    // the background checks sender.id anyway; its listener must leave the message unanswered.
    const [listener] = background.browser.runtime.onMessage.listeners;
    expect(
      listener!({ type: 'ping' }, { id: 'evil@example', url: 'moz-extension://0000/popup.html' }, () => undefined),
    ).toBeUndefined();
    expect(await ask({ type: 'ping' }, { id: 'evil@example' })).toBeUndefined();
  });

  it('answers a malformed message with { ok: false, error }', async () => {
    for (const message of [
      'ping',
      null,
      [],
      { type: 'no-such-request' },
      { typo: 'ping' },
      { type: 'ping', extra: 1 },
      { type: 'annotate-text', text: 42 },
      { type: 'story-match', articleId: '' },
      { type: 'read-page', page: { text: 'x' } }, // a content script's request, from our popup
    ]) {
      const reply = await ask(message);
      expect(reply, JSON.stringify(message)).toEqual({ ok: false, error: expect.any(String) });
    }
  });

  it('keeps the corpus from a web page: a content script may annotate, not read the corpus', async () => {
    // In Firefox a content script's sender carries the page's URL and tab, not a moz-extension:// URL.
    const page: Sender = {
      id: background.browser.runtime.id,
      url: 'https://www.reuters.com/world/x',
      tab: { id: 1 },
      frameId: 0,
    };
    expect(await ask({ type: 'corpus-status' }, page)).toEqual({
      ok: false,
      error: expect.stringContaining('not allowed'),
    });
    expect(await ask({ type: 'ping' }, page)).toMatchObject({ ok: true });
  });

  it('creates its context menus when Firefox fires runtime.onInstalled', async () => {
    background.browser.runtime.onInstalled.fire({ reason: 'install', temporary: false });
    const created = await until(
      () => {
        const calls = background.browser.calls.filter(([name]) => name === 'contextMenus.create');
        return calls.length === 3 && calls;
      },
      2000,
      'three contextMenus.create calls',
    );
    expect(background.browser.calls[0]?.[0]).toBe('contextMenus.removeAll');
    expect(created.map(([, [item]]) => (item as { id: string }).id)).toEqual([
      'crosswire-highlight-page',
      'crosswire-add-page',
      'crosswire-add-note',
    ]);
  });
});

/** A small Reuters-like article page: article metadata, a canonical link, three paragraphs. */
const ARTICLE_HTML = `<!doctype html>
<html lang="en"><head>
<title>Lavrov defends Russia's stance on Syria | Reuters</title>
<meta property="og:type" content="article">
<meta property="og:title" content="Lavrov defends Russia's stance on Syria">
<meta property="article:published_time" content="2012-03-12T14:00:00Z">
<link rel="canonical" href="https://www.reuters.com/world/x">
</head><body>
<header><nav><a href="/">World</a> <a href="/business">Business</a></nav></header>
<main><article>
<h1>Lavrov defends Russia's stance on Syria</h1>
<p>Russian Foreign Minister Sergey Lavrov on Monday defended Moscow's position on Syria at a meeting of the United Nations Security Council in New York, saying the violence must stop on all sides.</p>
<p>Lavrov told reporters that Russia would not support any resolution that opened the way to foreign military intervention in Syria, and urged the government and the armed opposition to accept the mediation of Kofi Annan.</p>
<p>Western diplomats said the talks had made little progress. Syria's government has said it is fighting armed terrorist groups, while the United Nations estimates that more than 8,000 people have been killed in the uprising.</p>
</article></main>
<footer><p>Reporting by a correspondent; editing by a desk.</p></footer>
</body></html>`;

describe('dist/firefox/content.js on an article page', () => {
  it('highlights Sergey Lavrov through the background, and keeps watching the page', async () => {
    const background = startBackground(FIREFOX, new IDBFactory());
    // As Firefox injects a manifest content script at document_idle: the page is parsed already.
    const page = startContentScript(FIREFOX, ARTICLE_HTML, 'https://www.reuters.com/world/x', background);
    const selector = 'crosswire-mark[data-crosswire-id="sergey-lavrov"]';

    const marks = await until(
      () => {
        const found = [...page.document.querySelectorAll(selector)];
        return found.length > 0 && found;
      },
      5000,
      'Sergey Lavrov highlights',
    );
    expect(marks.map((mark) => mark.textContent)).toContain('Sergey Lavrov');
    expect(page.document.querySelector('footer crosswire-mark')).toBeNull(); // only the article is read
    // Highlighting wraps text, never changes it.
    expect(page.document.querySelector('article p')?.textContent).toMatch(
      /^Russian Foreign Minister Sergey Lavrov on Monday/,
    );

    // Every message came from the tab, with the page's URL, and was answered: the content
    // script's requests are ones a web page's script may make.
    const asked = () => background.messages.map(({ message }) => (message as { type: string }).type);
    await until(() => asked().includes('notes-for'), 3000, 'the notes request');
    expect(asked()).toEqual(expect.arrayContaining(['get-settings', 'read-page', 'notes-for']));
    expect(asked().filter((type) => type === 'read-page')).toHaveLength(1);
    for (const { sender, reply } of background.messages) {
      expect(sender).toMatchObject({
        id: background.browser.runtime.id,
        tab: { id: 1 },
        url: 'https://www.reuters.com/world/x',
      });
      expect(reply).toMatchObject({ ok: true });
    }
    // The background keeps the content script's reading for the tab: the popup asks it for that.
    const reading = okValue(
      'page-of-tab',
      await background.send(
        { type: 'page-of-tab', tabId: 1 },
        {
          id: background.browser.runtime.id,
          url: `${EXTENSION_ORIGIN}popup.html`,
        },
      ),
    );
    expect(reading).toMatchObject({
      url: 'https://www.reuters.com/world/x',
      canonical: 'https://reuters.com/world/x',
      published: '2012-03-12',
      source: 'page',
    });

    // A paragraph added later (a live update) is highlighted by the page watcher
    // (MutationObserver, then a 300 ms settle).
    const later = page.document.createElement('p');
    later.textContent =
      'Later on Monday, Sergey Lavrov met the Arab League envoy in Cairo to discuss the ceasefire plan for Syria and its monitors.';
    page.document.querySelector('article')!.append(later);
    await until(() => later.querySelector(selector) !== null, 3000, 'the added paragraph to be highlighted');

    expect(page.console.filter(([level]) => level === 'error' || level === 'warn')).toEqual([]);
    expect(background.console.filter(([level]) => level === 'error')).toEqual([]);
  });
});
