// 10,000 random messages to the background's handler, over the real corpus, notes and page
// services (fake-indexeddb) and the real engine, from our popup, from content scripts and
// from strangers, with well-formed requests mixed in whose answers are checked as they go.
import { describe, expect, it } from 'vitest';
import { corpusService } from '../../src/background/corpus-service';
import { seedBundled } from '../../src/background/corpus-store';
import { handleMessage, type HandlerContext } from '../../src/background/handle-message';
import { notesService } from '../../src/background/notes-service';
import { pageService } from '../../src/background/page-service';
import { CONTENT_REQUEST_TYPES, PAGE_REQUEST_TYPES } from '../../src/messages';
import { bundled, freshDb } from './corpus-db';
import { offlineFeeds } from './feeds/fake-feeds';

const ID = 'crosswire-id';
const ORIGIN = `chrome-extension://${ID}/`;
// Every type either contract knows, from the contracts themselves; then types no contract has
// (some that it once had), and names that trip up a lookup in a plain object.
const TYPES = [
  ...new Set([...CONTENT_REQUEST_TYPES, ...PAGE_REQUEST_TYPES]),
  'read-tab',
  'add-tab',
  'article-read',
  'crosswire-highlights',
  'nope',
  '__proto__',
  'constructor',
  'toString',
  '',
];
const FIELDS = [
  'text',
  'actorId',
  'articleId',
  'otherArticleId',
  'page',
  'figure',
  'data',
  'format',
  'settings',
  'note',
  'id',
  'query',
  'offset',
  'limit',
  'tabId',
  'filter',
  'origin',
  'on',
  'published',
  'url',
  'kind',
  'canonical',
  'headline',
  '__proto__',
  'constructor',
  'type',
];

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const value = (depth = 0): unknown => {
    switch (Math.floor(next() * 12)) {
      case 0:
        return null;
      case 1:
        return undefined;
      case 2:
        return Math.floor(next() * 2 ** 40) * (next() < 0.5 ? -1 : 1);
      case 3:
        return pick([NaN, Infinity, -0, 1e308, 0.5]);
      case 4:
        return pick([
          '',
          'Sergey Lavrov',
          '<img src=x onerror=alert(1)>',
          '\u0000\ud800',
          'a-afad0e49e896',
          '2012-03-12',
          'https://www.cbc.ca/x',
          '💥'.repeat(50),
        ]);
      case 5:
        return 'x'.repeat(Math.floor(next() * 5000));
      case 6:
        return next() < 0.5;
      case 7:
        return depth > 2 ? [] : Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      default:
        return depth > 2
          ? {}
          : Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, () => [pick(FIELDS), value(depth + 1)]));
    }
  };
  const message = (): unknown => {
    if (next() < 0.1) return value();
    const m: Record<string, unknown> = { type: pick(TYPES) };
    for (let i = Math.floor(next() * 4); i > 0; i--) m[pick(FIELDS)] = value();
    return m;
  };
  const sender = () =>
    pick([
      { id: ID, url: `${ORIGIN}popup.html` },
      { id: ID, url: 'https://www.cbc.ca/news/x', tab: { id: 1 } },
      { id: 'someone-else', url: 'https://evil.example/' },
      {},
    ]);
  return { next, message, sender };
}

describe('the background under 10,000 random messages', () => {
  it('answers every one with a result or ignores it, and keeps answering well-formed ones correctly', async () => {
    const db = freshDb();
    const ready = seedBundled(db, bundled);
    const corpus = corpusService(db, ready);
    const fail = () => Promise.resolve({ ok: false as const, error: 'no tabs in this test' });
    const context: HandlerContext = {
      extensionId: ID,
      extensionOrigin: ORIGIN,
      version: '1.0.0',
      corpus,
      notes: notesService(db, ready, corpus),
      pages: pageService(db, ready, corpus, fail, { pollMs: 1, waitMs: 10 }),
      feeds: offlineFeeds(db, ready),
      fullText: async () => ({ ok: false, error: 'no feed entries here' }),
      highlightTab: fail,
      revealInTab: fail,
      alwaysOnSite: fail,
      registeredSites: () => Promise.resolve({ ok: true, value: { origins: [] } }),
      warm: () => true,
    };
    const popup = { id: ID, url: `${ORIGIN}popup.html` };
    const contentScript = { id: ID, url: 'https://www.cbc.ca/news/x', tab: { id: 2 } };
    const page = {
      text: "Russia's Foreign Minister Sergey Lavrov met Hillary Clinton in New York.",
      url: 'https://www.cbc.ca/news/lavrov-clinton',
      published: '2012-03-12',
    };
    const { message, sender } = random(20261125);
    let answered = 0;
    let ignored = 0;
    const handled = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const m = message();
      const reply = handleMessage(m, sender(), context);
      if (reply === undefined) ignored++;
      else {
        const r = await reply;
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(typeof r.error).toBe('string');
        else handled.add((m as { type: string }).type);
        answered++;
      }
      if (i % 100 === 0) {
        expect(await handleMessage({ type: 'ping' }, popup, context)).toEqual({
          ok: true,
          value: { version: '1.0.0' },
        });
        const annotations = (await handleMessage(
          { type: 'annotate-text', text: "Russia's Foreign Minister Sergey Lavrov met Hillary Clinton." },
          contentScript,
          context,
        )) as { ok: true; value: { kind: string; actorId?: string }[] };
        expect(annotations.value.filter((a) => a.kind === 'actor').map((a) => a.actorId)).toEqual([
          'Q159',
          'sergey-lavrov',
          'Q6294',
        ]);
        const status = (await handleMessage({ type: 'corpus-status' }, popup, context)) as {
          ok: true;
          value: { bundled: number };
        };
        expect(status.value.bundled).toBeLessThanOrEqual(3);
        // A page read by its content script, then asked about by the popup by tab and by id.
        const read = (await handleMessage({ type: 'read-page', page }, contentScript, context)) as {
          ok: true;
          value: { articleId: string; annotations: { actorId?: string }[] };
        };
        expect(read.value.annotations.map((a) => a.actorId).filter(Boolean)).toEqual([
          'Q159',
          'sergey-lavrov',
          'Q6294',
        ]);
        expect(await handleMessage({ type: 'page-of-tab', tabId: 2, url: page.url }, popup, context)).toMatchObject({
          ok: true,
          value: { articleId: read.value.articleId, source: 'page' },
        });
        expect(
          await handleMessage({ type: 'story-match', articleId: read.value.articleId }, popup, context),
        ).toMatchObject({ ok: true, value: expect.any(Array) });
      }
    }
    expect(answered + ignored).toBe(10_000);
    expect(ignored).toBeGreaterThan(1000);
    // The random requests reached handlers, not only the checks.
    expect(handled.size).toBeGreaterThan(5);
    // Malformed requests of every type are refused, naming the type: each contract checks each of its requests.
    for (const [types, from] of [
      [PAGE_REQUEST_TYPES, popup],
      [CONTENT_REQUEST_TYPES, contentScript],
    ] as const)
      for (const type of types) {
        const reply = await handleMessage({ type, zzz: [Number.NaN] }, from, context);
        expect(reply, type).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`^${type}: `)) });
      }
    // Requests a web page may not make were refused, whatever else they carried.
    expect(
      await handleMessage(
        { type: 'import-articles', data: '[]' },
        { id: ID, url: 'https://www.cbc.ca/news/x', tab: { id: 1 } },
        context,
      ),
    ).toEqual({ ok: false, error: 'import-articles: not allowed from a web page' });
    expect(await handleMessage({ type: 'read-tab', tabId: 1 }, popup, context)).toEqual({
      ok: false,
      error: 'unknown request type: "read-tab"',
    });
  }, 120_000);
});
