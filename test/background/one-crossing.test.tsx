// @vitest-environment happy-dom
// The page's text crosses a boundary once. A trace through the real message handler and the
// real services (over an in-memory IndexedDB) and the real popup: the content script reads
// a page, the popup opens on it, the reader adds it to the corpus and exports its notes. Every
// message, both ways, is recorded; only the content script's one `read-page` carries the
// article's text, and the extractor never runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { corpusService } from '../../src/background/corpus-service';
import { seedBundled } from '../../src/background/corpus-store';
import { handleMessage, type HandlerContext, type Sender } from '../../src/background/handle-message';
import { notesService } from '../../src/background/notes-service';
import { pageService } from '../../src/background/page-service';
import { fnv1a64 } from '../../src/core/corpus/content-hash';
import { targetFor } from '../../src/core/notes/anchor';
import type { Note } from '../../src/core/notes/types';
import type { PageReading, Request } from '../../src/messages';
import { Popup } from '../../src/popup/Popup';
import { buttonIn, flush, mount, textOf } from '../preact-dom';
import { bundled, freshDb } from './corpus-db';
import { offlineFeeds } from './feeds/fake-feeds';

const OWN_ID = 'our-extension-id';
const ORIGIN = `chrome-extension://${OWN_ID}/`;
const POPUP: Sender = { id: OWN_ID, url: `${ORIGIN}popup.html` };
const TAB = 5;
const URL_ = 'https://www.aljazeera.com/news/2012/3/12/clinton-and-lavrov-trade-blame';
const CONTENT: Sender = { id: OWN_ID, url: URL_, tab: { id: TAB } };
// A page the corpus does not hold: the demo site's Al Jazeera article, written for the project.
const TEXT = readFileSync(join(process.cwd(), 'src/demo/articles/aljazeera-2012-03-12.txt'), 'utf8').trim();

/** Does a message carry the article's text (all of it, or any paragraph of it)? */
const long = TEXT.split(/\n\n+/).filter((p) => p.length >= 200);
const carriesText = (json: string) =>
  json.includes(JSON.stringify(TEXT).slice(1, -1)) || long.some((p) => json.includes(p));

async function world() {
  const db = freshDb();
  await seedBundled(db, bundled);
  const ready = Promise.resolve();
  const corpus = corpusService(db, ready);
  const notes = notesService(db, ready, corpus);
  let extractions = 0;
  const pages = pageService(db, ready, corpus, async () => {
    extractions++;
    return { ok: false, error: 'the extractor should not run' };
  });
  const context: HandlerContext = {
    extensionId: OWN_ID,
    extensionOrigin: ORIGIN,
    version: '1.0.0',
    corpus,
    notes,
    pages,
    feeds: offlineFeeds(db, ready),
    fullText: async () => ({ ok: false, error: 'no feed entries here' }),
    highlightTab: async () => ({ ok: true, value: { highlighted: true } }),
    revealInTab: async () => ({ ok: true, value: { shown: true } }),
    alwaysOnSite: async (origin, on) => ({ ok: true, value: { origin, on } }),
    registeredSites: async () => ({ ok: true, value: { origins: [] } }),
    warm: () => true,
  };
  const trace: { from: string; type: string; request: string; reply: string }[] = [];
  const send = async (sender: Sender, request: Request) => {
    // Structured clone, as the browser does between contexts.
    const reply = await handleMessage(JSON.parse(JSON.stringify(request)), sender, context);
    trace.push({
      from: sender === POPUP ? 'popup' : 'content',
      type: request.type,
      request: JSON.stringify(request),
      reply: JSON.stringify(reply),
    });
    return JSON.parse(JSON.stringify(reply));
  };
  return { db, send, trace, extractions: () => extractions };
}

describe('one reading of each page', () => {
  it('sends the page’s text once, from the content script, through reading, popup, add and export', async () => {
    const { db, send, trace, extractions } = await world();
    // The content script reads its page and sends it once.
    const read = await send(CONTENT, {
      type: 'read-page',
      page: {
        text: TEXT,
        url: URL_,
        headline: 'Clinton and Lavrov trade blame over Syria at UN',
        published: '2012-03-12',
      },
    });
    expect(read.ok).toBe(true);
    const reading = read.value as PageReading;
    expect(reading.annotations.length).toBeGreaterThan(10);
    // The reader notes a sentence, as the content script keys it: by the page's id.
    const start = TEXT.indexOf('Russian Foreign Minister Sergey Lavrov said');
    const target = targetFor(TEXT, start, start + 'Russian Foreign Minister Sergey Lavrov'.length);
    const note: Note = {
      id: 'n-00000000000000aa',
      articleId: reading.articleId,
      canonicalUrl: reading.canonical,
      url: URL_,
      title: reading.headline,
      target,
      quoteHash: fnv1a64(target.exact),
      textHash: fnv1a64(TEXT),
      highlight: null,
      note: 'Compare with the AP copy.',
      tags: ['lavrov'],
      stance: 'follow-up',
      motivation: 'commenting',
      created: '2026-12-02T10:00:00Z',
      modified: '2026-12-02T10:00:00Z',
    };
    expect((await send(CONTENT, { type: 'save-note', note })).ok).toBe(true);

    // The popup opens over the tab, adds the page, and exports its notes.
    const downloads: { filename: string; data: string }[] = [];
    const root = await mount(
      <Popup
        ping={() => send(POPUP, { type: 'ping' })}
        ask={((request: Request) => send(POPUP, request)) as never}
        tab={{
          id: TAB,
          host: 'www.aljazeera.com',
          origin: 'https://www.aljazeera.com',
          url: URL_,
          send: async () => undefined,
          allowed: async () => true,
          requestAccess: async () => true,
        }}
        openOptions={() => undefined}
        download={(filename, data) => void downloads.push({ filename, data: data as string })}
      />,
    );
    const settled = (check: () => void) => vi.waitFor(async () => (await flush(), check()), { timeout: 10_000 });
    await settled(() =>
      expect(textOf(root.querySelector('h2'))).toBe('Clinton and Lavrov trade blame over Syria at UN'),
    );
    await act(() => buttonIn(root, 'Add this page to the corpus').click());
    await settled(() => expect(textOf(root.querySelector('.corpus-line'))).toContain('This page is in the corpus.'));
    const notesTab = [...root.querySelectorAll('[role="tab"]')].find((t) => textOf(t) === 'Notes') as HTMLElement;
    await act(() => notesTab.click());
    await flush();
    await settled(() => expect(buttonIn(root, 'Web Annotation (JSON-LD)')).toBeTruthy());
    await act(() => buttonIn(root, 'Web Annotation (JSON-LD)').click());
    await settled(() => expect(downloads).toHaveLength(1));
    await act(() => buttonIn(root, 'Notes as CSV').click());
    await settled(() => expect(downloads).toHaveLength(2));
    expect(downloads.map((d) => d.filename)).toEqual([
      expect.stringMatching(/\.jsonld$/),
      expect.stringMatching(/-notes\.csv$/),
    ]);
    expect(downloads[1]!.data).toContain('Compare with the AP copy.');

    const types = trace.map((t) => `${t.from}:${t.type}`);
    expect(types).toEqual(
      expect.arrayContaining(['content:read-page', 'popup:page-of-tab', 'popup:add-page', 'popup:export-page']),
    );
    const crossings = trace.flatMap((t) => [
      ...(carriesText(t.request) ? [`${t.from}:${t.type} request`] : []),
      ...(carriesText(t.reply) ? [`${t.from}:${t.type} reply`] : []),
    ]);
    expect(crossings).toEqual(['content:read-page request']);
    expect(extractions()).toBe(0);

    // The corpus stores the text the highlights and the note were made on, and the note is found in it as made.
    expect((await db.articles.get(reading.articleId))?.text).toBe(TEXT);
    const placed = await send(POPUP, { type: 'page-notes', articleId: reading.articleId });
    expect(placed).toEqual({
      ok: true,
      value: { notes: [{ note, at: { state: 'anchored', start, end: target.end, changed: null } }] },
    });
  });
});
