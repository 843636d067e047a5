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
  type ContentPage,
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

/** A highlight of the minimal CSS Custom Highlight API below: a set of ranges with a priority. */
class NodeHighlight extends Set<AbstractRange> {
  priority = 0;
  type = 'highlight';
}

/** A range that is not live (linkedom's Range has no setStart/setEnd): enough to paint and read back. */
function staticRange(): Range {
  const range = {
    startContainer: null as unknown as Node,
    startOffset: 0,
    endContainer: null as unknown as Node,
    endOffset: 0,
    get collapsed() {
      return range.startContainer === range.endContainer && range.startOffset === range.endOffset;
    },
    setStart(node: Node, offset: number) {
      range.startContainer = node;
      range.startOffset = offset;
    },
    setEnd(node: Node, offset: number) {
      range.endContainer = node;
      range.endOffset = offset;
    },
    // The painter makes one range per piece of a text node.
    toString: () => (range.startContainer.textContent ?? '').slice(range.startOffset, range.endOffset),
    getClientRects: () => [],
    getBoundingClientRect: () => ({ x: 0, y: 0, left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0 }),
  };
  return range as unknown as Range;
}

/**
 * Give the page's window what Firefox 140+ has and linkedom lacks: CSS.highlights (a plain
 * Map, as the registry is map-like), the Highlight class, and ranges that can be set.
 * linkedom's window is Node's globalThis behind a proxy, so they go on a view of this page's
 * own, not on the window (which would share one registry among every page of the run).
 * Called right after the script starts: it paints only after its first round trips to the
 * background. (linkedom has no caretPositionFromPoint either: hovering is for the real-Firefox tests.)
 */
function withHighlightApi(page: Pick<ContentPage, 'document' | 'patched'>): Map<string, NodeHighlight> {
  const window = page.document.defaultView as unknown as Record<string | symbol, unknown>;
  const registry = new Map<string, NodeHighlight>();
  const own: Record<string | symbol, unknown> = {};
  if (!(window.CSS as { highlights?: unknown } | undefined)?.highlights) {
    own.CSS = { ...(window.CSS as object | undefined), highlights: registry };
    page.patched.push('CSS.highlights');
  }
  if (!window.Highlight) {
    own.Highlight = NodeHighlight;
    page.patched.push('Highlight');
  }
  const view = new Proxy(window, { get: (target, key) => (key in own ? own[key] : Reflect.get(target, key)) });
  Object.defineProperty(page.document, 'defaultView', { value: view, configurable: true });
  const probe = page.document.createRange() as Partial<Range>;
  if (typeof probe.setStart !== 'function') {
    page.document.createRange = staticRange;
    page.patched.push('Document.createRange (ranges that are not live)');
  }
  return registry;
}

/** Each of our painted ranges: its highlight's name, its text, and the text node it starts in. */
const paintedIn = (registry: Map<string, Set<AbstractRange>>) =>
  [...registry]
    .filter(([name]) => name.startsWith('crosswire-'))
    .flatMap(([name, highlight]) =>
      [...highlight].map((range) => ({ name, text: String(range), node: range.startContainer })),
    );

/** Our UI's host element, appended to <html> (undefined until the cards are attached). */
const ourHost = (document: Document) =>
  [...document.documentElement.children].find((el) => el.localName.startsWith('crosswire-card-host-'));

/** The document's markup without our UI's host element (appended to <html>, its shadow root closed). */
const pageMarkup = (document: Document) => {
  const copy = document.documentElement.cloneNode(true) as Element;
  for (const el of [...copy.children]) if (el.localName.startsWith('crosswire-card-host-')) el.remove();
  return copy.outerHTML;
};

/**
 * How long to wait for the first page's highlights: a fresh background loads its dictionary
 * first, which on a busy machine has taken over 5 s. (A wait, not a measure: the bench times it.)
 */
const FIRST_READ_MS = 20_000;

/** What the background sends a tab when the reader switches its site off. */
const switchOff = (page: ContentPage) =>
  page.browser.runtime.onMessage.fire({ type: 'crosswire-highlights', on: false }, { id: page.browser.runtime.id });

describe('dist/firefox/content.js on an article page', () => {
  it('paints Sergey Lavrov through the background without changing the page, and keeps watching it', async () => {
    const background = startBackground(FIREFOX, new IDBFactory());
    // As Firefox injects a manifest content script at document_idle: the page is parsed already.
    let registry = new Map<string, NodeHighlight>();
    const page = startContentScript(FIREFOX, ARTICLE_HTML, 'https://www.reuters.com/world/x', background, 1, (p) => {
      registry = withHighlightApi(p);
    });
    const original = page.document.documentElement.outerHTML;

    const lavrov = await until(
      () => {
        const found = paintedIn(registry).filter((p) => p.text === 'Sergey Lavrov');
        return found.length > 0 && found;
      },
      FIRST_READ_MS,
      'Sergey Lavrov painted',
    );
    expect(lavrov.map((p) => p.name)).toContain('crosswire-actor-person');
    // Only the article is read.
    const footer = page.document.querySelector('footer')!;
    expect(paintedIn(registry).filter((p) => footer.contains(p.node))).toEqual([]);
    // Painting adds nothing to the page's DOM but our UI's host, under <html>.
    await until(() => ourHost(page.document), 10_000, 'the cards’ host');
    const added = [...page.document.documentElement.children].filter((el) => !['head', 'body'].includes(el.localName));
    expect(added).toEqual([ourHost(page.document)]);
    expect(pageMarkup(page.document)).toBe(original);

    // Every message came from the tab, with the page's URL, and was answered: the content
    // script's requests are ones a web page's script may make.
    const asked = () => background.messages.map(({ message }) => (message as { type: string }).type);
    await until(() => asked().includes('notes-for'), 10_000, 'the notes request');
    expect(asked()).toEqual(expect.arrayContaining(['read-page', 'notes-for']));
    // The sites switched off are known without asking (a flag set before the content script starts).
    expect(asked()).not.toContain('get-settings');
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

    // A paragraph added later (a live update) is painted by the page watcher
    // (MutationObserver, then a 300 ms settle).
    const later = page.document.createElement('p');
    later.textContent =
      'Later on Monday, Sergey Lavrov met the Arab League envoy in Cairo to discuss the ceasefire plan for Syria and its monitors.';
    page.document.querySelector('article')!.append(later);
    await until(
      () => paintedIn(registry).some((p) => p.text === 'Sergey Lavrov' && later.contains(p.node)),
      10_000,
      'the added paragraph to be painted',
    );

    expect(page.console.filter(([level]) => level === 'error' || level === 'warn')).toEqual([]);
    expect(background.console.filter(([level]) => level === 'error')).toEqual([]);
    switchOff(page); // stops its timers and its watch
  });

  it('removes its highlights from CSS.highlights, and its host from the page, when switched off', async () => {
    const background = startBackground(FIREFOX, new IDBFactory());
    let registry = new Map<string, NodeHighlight>();
    const page = startContentScript(FIREFOX, ARTICLE_HTML, 'https://www.reuters.com/world/x', background, 1, (p) => {
      registry = withHighlightApi(p);
    });
    // The page's own highlight, which must stay.
    registry.set('page-search', new NodeHighlight());
    const original = page.document.documentElement.outerHTML;
    await until(() => paintedIn(registry).length > 0 && ourHost(page.document), FIRST_READ_MS, 'highlights and cards');

    switchOff(page);
    expect([...registry.keys()]).toEqual(['page-search']);
    expect(page.document.documentElement.outerHTML).toBe(original);
    expect(page.console.filter(([level]) => level === 'error' || level === 'warn')).toEqual([]);
  });
});
