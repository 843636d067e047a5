// The pages read in the browser, over a real corpus in fake-indexeddb: each is read once,
// kept by article id and by tab, and from then on referred to by its id.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { articleFromRecord, corpusService } from '../../src/background/corpus-service';
import { seedBundled } from '../../src/background/corpus-store';
import { CorpusDb } from '../../src/background/db';
import { type Extract, pageService } from '../../src/background/page-service';
import { forgetTab, KEPT_READINGS, keepReading, readingOf } from '../../src/background/readings';
import { pageArticle } from '../../src/core/corpus/page-article';
import { targetFor } from '../../src/core/notes/anchor';
import type { PageInput } from '../../src/messages';
import { bundled, freshDb, seed } from './corpus-db';
import { sampleNote } from './sample-note';

/** A page as a content script sends it: blocks separated by blank lines, page furniture and all. */
const PAGE = {
  text: 'Talks in Moscow\n\nForeign Minister Sergey Lavrov met Kofi Annan in Moscow on Tuesday. "The violence must stop," Annan said after the talks, which Lavrov called useful.\n\nAdvertisement\n\nMore than 8,000 people have been killed in Syria, the United Nations says.',
  url: 'https://www.reuters.com/world/annan-moscow-2012-03-13/?utm_source=twitter',
  published: '2012-03-13',
};
/** Another page, which the extractor finds in a tab no content script read. */
const OTHER = {
  text: 'Kofi Annan arrived in Damascus on Saturday for talks with President Bashar al-Assad.',
  url: 'https://www.bbc.com/news/world-17290412',
  published: '2012-03-10',
};
const ID = pageArticle(PAGE).id;
const CBC = () => seed('cbc.ca');
const VOA = () => seed('voanews.com');
const OTHER_ID = pageArticle(OTHER).id;

/** The services over a seeded database; the extractor reads `tabs` (and counts its calls). */
async function setup(tabs: Record<number, PageInput> = {}, db = freshDb()) {
  const ready = seedBundled(db, bundled);
  const corpus = corpusService(db, ready);
  const extract = vi.fn<Extract>(async (tabId) => {
    const page = tabs[tabId];
    return page ? { ok: true, value: page } : { ok: false, error: 'cannot read this page' };
  });
  const pages = pageService(db, ready, corpus, extract, { pollMs: 2, waitMs: 60_000 });
  await ready;
  return { db, corpus, pages, extract };
}

describe('reading a page a content script sends', () => {
  it('keeps the reading by article id and by tab, and answers its annotations', async () => {
    const { db, pages, extract } = await setup();
    const reply = await pages.readPage(PAGE, 5);
    expect(reply).toEqual({
      ok: true,
      value: {
        articleId: ID,
        canonical: 'https://reuters.com/world/annan-moscow-2012-03-13',
        url: PAGE.url,
        headline: 'Talks in Moscow',
        published: '2012-03-13',
        outlet: { id: 'reuters.com', name: 'Reuters' },
        annotations: pageArticle(PAGE).annotations,
        length: PAGE.text.length,
        source: 'page',
        stored: false,
      },
    });
    const annotations = reply.ok ? reply.value.annotations : [];
    expect(annotations.filter((a) => a.kind === 'actor').map((a) => PAGE.text.slice(a.start, a.end))).toEqual(
      expect.arrayContaining(['Sergey Lavrov', 'Kofi Annan', 'Lavrov']),
    );
    expect(annotations.some((a) => a.kind === 'figure' && a.text === 'More than 8,000 people')).toBe(true);
    // The reading keeps the text exactly as read; the tab points at it.
    expect((await readingOf(db, ID))?.article.text).toBe(PAGE.text);
    expect(await db.tabs.get(5)).toEqual({ tabId: 5, articleId: ID, url: PAGE.url });
    // Nothing was stored, and the extractor was not needed.
    expect(await db.articles.get(ID)).toBeUndefined();
    expect(extract).not.toHaveBeenCalled();
  });

  it('keeps one reading per article, however often it is read and in however many tabs', async () => {
    const { db, pages } = await setup();
    await pages.readPage(PAGE, 5);
    await pages.readPage({ ...PAGE, url: `${PAGE.url}#comments` }, 6);
    expect(await db.readings.count()).toBe(1);
    expect((await db.tabs.toArray()).map((t) => [t.tabId, t.articleId])).toEqual([
      [5, ID],
      [6, ID],
    ]);
    // A frame with no tab is read and kept, for no tab.
    expect((await pages.readPage(OTHER, undefined)).ok).toBe(true);
    expect(await db.readings.count()).toBe(2);
    expect(await db.tabs.count()).toBe(2);
  });

  it('annotates text a page adds later as of the page’s date', async () => {
    const { pages } = await setup();
    const late = 'Sergey Lavrov said talks would continue.';
    const found = await pages.annotateText(late, '2012-03-13');
    expect(found.map((a) => late.slice(a.start, a.end))).toContain('Sergey Lavrov');
    expect(await pages.annotateText('', undefined)).toEqual([]);
  });
});

describe('the reading’s write', () => {
  it('does not hold the page’s highlights back: a page whose reading cannot be kept is still annotated', async () => {
    const db = freshDb();
    // Storage that refuses the reading (full, or failing), once seeded.
    let full = false;
    db.use({
      stack: 'dbcore',
      name: 'full-readings',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          const quota = () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
          return name !== 'readings'
            ? table
            : { ...table, mutate: (req) => (full ? Promise.reject(quota()) : table.mutate(req)) };
        },
      }),
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { pages, extract } = await setup({ 5: PAGE }, db);
      full = true;
      const read = await pages.readPage(PAGE, 5);
      expect(read).toMatchObject({ ok: true, value: { articleId: ID, annotations: pageArticle(PAGE).annotations } });
      expect(read.ok && read.value.annotations.length).toBeGreaterThan(0);
      // The popup finds no kept reading, so it reads the page itself, and cannot keep that either.
      await expect(pages.pageOfTab(5)).rejects.toThrow('quota');
      expect(extract.mock.calls).toEqual([[5]]);
      expect(logged.mock.calls[0]?.[0]).toContain('keeping a page’s reading failed');
    } finally {
      logged.mockRestore();
    }
  });
});

describe('the page of a tab (the popup)', () => {
  it('answers the kept reading without calling the extractor', async () => {
    const { pages, extract } = await setup({ 5: OTHER });
    const read = await pages.readPage(PAGE, 5);
    expect(await pages.pageOfTab(5)).toEqual(read);
    expect(await pages.pageOfTab(5, PAGE.url)).toEqual(read);
    // The same page scrolled to an anchor is the same page.
    expect(await pages.pageOfTab(5, `${PAGE.url}#comments`)).toEqual(read);
    expect(extract).not.toHaveBeenCalled();
  });

  it('answers from memory what was read or asked last, until a page is read or its tab closes', async () => {
    const { db, pages, extract } = await setup();
    const read = await pages.readPage(PAGE, 5);
    const rows = vi.spyOn(db.readings, 'get');
    expect(await pages.pageOfTab(5)).toEqual(read);
    // Another tab closing changes nothing for this one.
    await forgetTab(db, 9);
    expect(await pages.pageOfTab(5, PAGE.url)).toEqual(read);
    expect(rows).not.toHaveBeenCalled();
    // A page read in another tab is a write: the next answer is read from the database, then known again.
    await pages.readPage(OTHER, 6);
    expect(await pages.pageOfTab(5)).toEqual(read);
    expect(await pages.pageOfTab(5)).toEqual(read);
    expect(rows).toHaveBeenCalledTimes(1);
    // Whether the page is stored follows the corpus.
    expect((await pages.addPage(ID)).ok).toBe(true);
    expect(await pages.pageOfTab(5)).toMatchObject({ ok: true, value: { articleId: ID, stored: true } });
    // Tab 6 moves on to the first page, and tab 5 closes.
    await pages.readPage(PAGE, 6);
    expect(await pages.pageOfTab(6)).toMatchObject({ ok: true, value: { articleId: ID } });
    await forgetTab(db, 5);
    expect(await pages.pageOfTab(5)).toEqual({ ok: false, error: 'cannot read this page' });
    expect(extract.mock.calls).toEqual([[5]]);
  });

  it('calls the extractor only for a tab nothing read, once', async () => {
    const { db, pages, extract } = await setup({ 6: OTHER });
    const first = await pages.pageOfTab(6, OTHER.url);
    expect(first).toMatchObject({ ok: true, value: { articleId: OTHER_ID, source: 'extractor', stored: false } });
    expect(await pages.pageOfTab(6, OTHER.url)).toEqual(first);
    expect(await pages.pageOfTab(6)).toEqual(first);
    expect(extract.mock.calls).toEqual([[6]]);
    expect((await readingOf(db, OTHER_ID))?.article.text).toBe(OTHER.text);
    // A tab that cannot be read says why, each time it is asked.
    expect(await pages.pageOfTab(7)).toEqual({ ok: false, error: 'cannot read this page' });
    expect(await pages.pageOfTab(7)).toEqual({ ok: false, error: 'cannot read this page' });
    expect(extract.mock.calls).toEqual([[6], [7], [7]]);
  });

  it('lets the content script’s reading win over an extractor run by a popup opened before it, whichever ends last', async () => {
    // The extractor's copy of the page differs (Readability drops the page furniture).
    const extracted = { ...PAGE, text: PAGE.text.replace('\n\nAdvertisement', '') };
    const { db, pages } = await setup({ 5: extracted });
    // The content script's reading lands while the popup's extractor is still reading the tab.
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const racing = pageService(db, Promise.resolve(), corpusService(db, Promise.resolve()), async () => {
      await slow;
      return { ok: true, value: extracted };
    });
    const popup = racing.pageOfTab(5);
    await pages.readPage(PAGE, 5);
    release();
    const shown = await popup;
    expect(shown).toMatchObject({ ok: true, value: { articleId: ID, source: 'page', length: PAGE.text.length } });
    expect((await readingOf(db, ID))?.article.text).toBe(PAGE.text);
    expect(await pages.pageOfTab(5)).toMatchObject({ ok: true, value: { source: 'page' } });
  });

  it('refuses the old reading of a tab that moved on, and reads the page it shows now', async () => {
    const tabs: Record<number, PageInput> = {};
    const { db, pages, extract } = await setup(tabs);
    await pages.readPage(PAGE, 5);
    // The reader followed a link in tab 5; no content script runs on the new page.
    tabs[5] = OTHER;
    expect(await pages.pageOfTab(5, OTHER.url)).toMatchObject({
      ok: true,
      value: { articleId: OTHER_ID, source: 'extractor' },
    });
    expect(extract.mock.calls).toEqual([[5]]);
    expect((await db.tabs.get(5))?.articleId).toBe(OTHER_ID);
    // The old page's reading stays, by its id.
    expect((await readingOf(db, ID))?.article.text).toBe(PAGE.text);
  });

  it('is answered from the kept reading by a restarted worker (a new connection, new services)', async () => {
    const { db, pages } = await setup();
    const read = await pages.readPage(PAGE, 5);
    // The worker stops once its work is done (Chrome stops an idle one after 30 s): the
    // reading's write, and the story worked out after it.
    expect(await pages.pageOfTab(5)).toEqual(read);
    await pages.storyOf(ID);
    db.close();
    const again = await setup({}, new CorpusDb(db.name, { indexedDB, IDBKeyRange }));
    expect(await again.pages.pageOfTab(5, PAGE.url)).toEqual(read);
    expect(again.extract).not.toHaveBeenCalled();
    expect((await again.pages.storyOf(ID)).ok).toBe(true);
    expect(await again.pages.addPage(ID)).toEqual({ ok: true, value: { id: ID } });
  });

  it('waits for a highlighted tab’s reading, and gives up on one that never comes', async () => {
    const { db, corpus, pages } = await setup();
    // The clock only moves when the test moves it, so "answers once read" needs no deadline.
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    try {
      const settled = (p: Promise<unknown>) => {
        let done = false;
        void p.then(() => (done = true));
        return () => done;
      };
      const waiting = pages.awaitTab(9);
      const answered = settled(waiting);
      await vi.advanceTimersByTimeAsync(10);
      expect(answered()).toBe(false);
      await pages.readPage(PAGE, 9);
      // The reading is written after the content script has its answer; wait for it to land.
      await pages.pageOfTab(9);
      await vi.advanceTimersByTimeAsync(10);
      expect(answered()).toBe(true);
      expect(await waiting).toBe(ID);
      // Read again (highlighted again): the new reading of the same article is the answer.
      vi.setSystemTime(Date.now() + 1000);
      const again = pages.awaitTab(9);
      const answeredAgain = settled(again);
      await vi.advanceTimersByTimeAsync(10);
      expect(answeredAgain()).toBe(false);
      await pages.readPage(PAGE, 9);
      await pages.pageOfTab(9);
      await vi.advanceTimersByTimeAsync(10);
      expect(answeredAgain()).toBe(true);
      expect(await again).toBe(ID);
      // Nothing comes: it gives up after `waitMs`, with no page.
      const impatient = pageService(db, Promise.resolve(), corpus, vi.fn<Extract>(), { pollMs: 5, waitMs: 100 });
      const nothing = impatient.awaitTab(10);
      await vi.advanceTimersByTimeAsync(200);
      expect(await nothing).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the article text of a page that marks no body', () => {
  it('is the extractor’s reading of the asking tab, and nothing is stored or kept', async () => {
    const { db, pages, extract } = await setup({ 6: OTHER });
    expect(await pages.articleTextOfTab(6)).toEqual({ ok: true, value: { text: OTHER.text } });
    expect(extract.mock.calls).toEqual([[6]]);
    expect(await pages.articleTextOfTab(7)).toMatchObject({ ok: false });
    expect(await pages.articleTextOfTab(undefined)).toEqual({ ok: false, error: 'no tab to read' });
    expect(extract).toHaveBeenCalledTimes(2);
    expect(await db.readings.count()).toBe(0);
    expect(await db.tabs.count()).toBe(0);
  });
});

describe('adding a page to the corpus', () => {
  it('stores the reading’s exact text: the text its highlights and notes were made on', async () => {
    const { db, pages } = await setup();
    // Cleaning (as an import does) would change this page: the stored article must not be cleaned.
    expect(articleFromRecord(PAGE).text).not.toBe(PAGE.text);
    await pages.readPage(PAGE, 5);
    expect(await pages.addPage(ID)).toEqual({ ok: true, value: { id: ID } });
    const stored = await db.articles.get(ID);
    expect(stored?.text).toBe(PAGE.text);
    expect(stored?.annotations).toEqual(pageArticle(PAGE).annotations);
    expect(await pages.pageOfTab(5)).toMatchObject({ ok: true, value: { articleId: ID, stored: true } });
    expect(await pages.addPage(ID)).toMatchObject({
      ok: false,
      error: expect.stringContaining('already in the corpus'),
    });
    expect(await pages.addPage('a-000000000000')).toEqual({ ok: false, error: 'no page or article a-000000000000' });
  });

  it('adds a tab’s page from the context menu: its reading, or the extractor’s', async () => {
    const { db, pages, extract } = await setup({ 6: OTHER });
    await pages.readPage(PAGE, 5);
    expect(await pages.addTab(5)).toEqual({ ok: true, value: { id: ID } });
    expect(await pages.addTab(6)).toEqual({ ok: true, value: { id: OTHER_ID } });
    expect(extract.mock.calls).toEqual([[6]]);
    expect((await db.articles.get(OTHER_ID))?.text).toBe(OTHER.text);
    expect(await pages.addTab(7)).toEqual({ ok: false, error: 'cannot read this page' });
  });

  it('remembers what the reader reads only when they opted in, and only pages a content script read', async () => {
    const { db, corpus, pages } = await setup({ 6: OTHER });
    expect(await pages.readPage(PAGE, 5)).toMatchObject({ ok: true, value: { stored: false } });
    expect(await db.articles.get(ID)).toBeUndefined();
    await corpus.updateSettings({ rememberArticles: true });
    expect((await pages.readPage(PAGE, 5)).ok).toBe(true);
    // Stored after the content script has its answer: what the popup then asks sees it.
    expect(await pages.pageOfTab(5)).toMatchObject({ ok: true, value: { stored: true } });
    expect((await db.articles.get(ID))?.text).toBe(PAGE.text);
    // Read again: already in the corpus, and still answered.
    expect(await pages.readPage(PAGE, 5)).toMatchObject({ ok: true, value: { articleId: ID, stored: true } });
    expect(await db.articles.where('origin').equals('user').count()).toBe(1);
    // The popup's extractor reading is not "what I read": the reader only opened the popup.
    expect(await pages.pageOfTab(6)).toMatchObject({ ok: true, value: { source: 'extractor', stored: false } });
    expect(await db.articles.get(OTHER_ID)).toBeUndefined();
  });
});

describe('story matching by article id', () => {
  it('matches a kept reading and a stored article', async () => {
    const { pages } = await setup();
    // The VOA story as another site syndicated it: a page the corpus has never seen.
    const copy = { text: VOA().text, url: 'https://www.voanews.com/a/syria-un-2012-03-12', published: '2012-03-12' };
    const read = await pages.readPage(copy, 3);
    const copyId = read.ok ? read.value.articleId : '';
    const labels = async (id: string) => {
      const story = await pages.storyOf(id);
      return story.ok ? Object.fromEntries(story.value.map((m) => [m.outlet, m.label])) : story.error;
    };
    expect(await labels(copyId)).toMatchObject({ 'voanews.com': 'syndicated' });
    expect(await labels(CBC().id)).toMatchObject({
      'voanews.com': 'same event',
      'rt.com': 'related earlier event',
    });
    expect(await pages.storyOf('a-000000000000')).toEqual({ ok: false, error: 'no page or article a-000000000000' });
  });

  it('finds what a read page leaves out in its story’s versions, as the corpus finds it for a stored article', async () => {
    const { db, corpus, pages } = await setup();
    // The CBC story read in a tab, cut short: the VOA version carries what it left out.
    const cut = CBC().text.slice(0, Math.floor(CBC().text.length / 3));
    const page = { text: cut, url: 'https://www.example.org/news/syria-un-talks', published: '2012-03-12' };
    const read = await pages.readPage(page, 4);
    const pageId = read.ok ? read.value.articleId : '';
    const reading = await readingOf(db, pageId);
    const gaps = await pages.coverageGapsOf(pageId);
    // The corpus's own query, over the same page, finds the same versions and the same gaps.
    const direct = await corpus.coverageGapsOf(reading!.summary);
    expect(gaps).toEqual({ ok: true, value: direct });
    expect(direct.versions.map((v) => v.articleId)).toContain(VOA().id);
    expect(direct.missing.actors.length + direct.missing.quotes.length + direct.missing.figures.length).toBeGreaterThan(
      0,
    );
    // A stored article not read in a tab is compared by the corpus query.
    const voa = await db.summaries.get(VOA().id);
    expect(await pages.coverageGapsOf(VOA().id)).toEqual({ ok: true, value: await corpus.coverageGapsOf(voa!) });
    expect(await pages.coverageGapsOf('a-000000000000')).toEqual({
      ok: false,
      error: 'no page or article a-000000000000',
    });
  });

  it('works out a read page’s story once, and again only when the corpus or the page changes', async () => {
    const { corpus, pages } = await setup();
    const asked = vi.spyOn(corpus, 'storyMatchOf');
    const copy = { text: VOA().text, url: 'https://www.voanews.com/a/syria-un-2012-03-12', published: '2012-03-12' };
    const read = await pages.readPage(copy, 3);
    const copyId = read.ok ? read.value.articleId : '';
    const labels = async () => {
      const story = await pages.storyOf(copyId);
      return story.ok ? Object.fromEntries(story.value.map((v) => [v.articleId, v.label])) : story.error;
    };
    // Worked out once the page is read, before anyone asks; asking again reads nothing.
    await vi.waitFor(() => expect(asked).toHaveBeenCalledTimes(1));
    expect(await labels()).toMatchObject({ [VOA().id]: 'syndicated' });
    expect(await labels()).toMatchObject({ [VOA().id]: 'syndicated' });
    expect(asked).toHaveBeenCalledTimes(1);
    // The corpus changes: the next answer says so.
    expect(await corpus.deleteArticle(VOA().id)).toEqual({ ok: true, value: { id: VOA().id } });
    expect(await labels()).not.toHaveProperty(VOA().id);
    expect(asked).toHaveBeenCalledTimes(2);
    // The page is read again with other text: its story is worked out again.
    const shorter = { ...copy, text: copy.text.slice(0, Math.floor(copy.text.length / 2)) };
    await pages.readPage(shorter, 3);
    await labels();
    expect(asked).toHaveBeenCalledTimes(3);
    expect(asked.mock.calls[2]?.[0].id).toBe(copyId);
    // A stored article's story is the corpus's answer, asked each time.
    expect((await pages.storyOf(CBC().id)).ok).toBe(true);
    expect(asked).toHaveBeenCalledTimes(4);
    expect(await pages.storyOf('a-000000000000')).toEqual({ ok: false, error: 'no page or article a-000000000000' });
  });

  it('sends a read page’s story along with the page to the popup, when it is worked out and still holds', async () => {
    const { corpus, pages } = await setup();
    const copy = { text: VOA().text, url: 'https://www.voanews.com/a/syria-un-2012-03-12', published: '2012-03-12' };
    await pages.readPage(copy, 3);
    const story = async () => {
      const page = await pages.pageOfTab(3);
      return page.ok ? page.value.story : page.error;
    };
    // Once worked out (it is, once the page is read), it comes with the page: the popup's own answer.
    await vi.waitFor(async () => expect(await story()).toBeDefined());
    const page = await pages.pageOfTab(3);
    const asked = await pages.storyOf(page.ok ? page.value.articleId : '');
    expect(asked.ok && asked.value.length).toBeGreaterThan(0);
    expect(await story()).toEqual(asked.ok ? asked.value : null);
    // The corpus changed since: the page comes alone, and the popup asks for the story.
    expect(await corpus.deleteArticle(CBC().id)).toMatchObject({ ok: true });
    expect(await story()).toBeUndefined();
  });

  it('gives the side-by-side view a kept reading’s text, or a stored article’s', async () => {
    const { pages } = await setup();
    await pages.readPage(PAGE, 5);
    expect(await pages.articleText(ID)).toMatchObject({
      ok: true,
      value: { articleId: ID, text: PAGE.text, outlet: { id: 'reuters.com' }, headline: 'Talks in Moscow' },
    });
    expect(await pages.articleText(CBC().id)).toMatchObject({ ok: true, value: { text: CBC().text } });
    expect(await pages.articleText('a-000000000000')).toEqual({
      ok: false,
      error: 'no page or article a-000000000000',
    });
  });
});

describe('a page’s notes and exports', () => {
  const at = (quote: string) => {
    const start = PAGE.text.indexOf(quote);
    return targetFor(PAGE.text, start, start + quote.length);
  };
  const NOTES = [
    sampleNote({ id: 'n-00000000000000b1', articleId: ID, target: at('Sergey Lavrov'), note: 'who he met' }),
    sampleNote({
      id: 'n-00000000000000b2',
      articleId: ID,
      created: '2026-11-25T11:00:00.000Z',
      note: 'a paragraph the page dropped',
      target: { exact: 'a sentence this page never had', prefix: '', suffix: '', start: 10, end: 40 },
    }),
    sampleNote({ id: 'n-00000000000000b3', articleId: 'a-000000000009', note: 'another page' }),
  ];

  it('anchors the notes in the reading’s text and lists the orphans, before and after the page is stored', async () => {
    const { db, pages } = await setup();
    await pages.readPage(PAGE, 5);
    await db.notes.bulkPut(NOTES);
    const start = PAGE.text.indexOf('Sergey Lavrov');
    const expected = {
      ok: true,
      value: {
        notes: [
          { note: NOTES[0], at: { state: 'anchored', start, end: start + 13, changed: null } },
          { note: NOTES[1], at: { state: 'orphan' } },
        ],
      },
    };
    expect(await pages.pageNotes(ID)).toEqual(expected);
    // Stored, the page is the same text: its notes stay where they were made.
    await pages.addPage(ID);
    expect(await pages.pageNotes(ID)).toEqual(expected);
    expect(await pages.pageNotes('a-000000000000')).toEqual({ ok: false, error: 'no page or article a-000000000000' });
  });

  it('exports the page as JSON-LD, CSV and Markdown, leaving the page out of its own cross-references', async () => {
    const { db, pages } = await setup();
    await pages.readPage(PAGE, 5);
    await pages.addPage(ID);
    await db.notes.bulkPut(NOTES);
    const file = async (kind: 'jsonld' | 'csv' | 'markdown') => {
      const reply = await pages.exportPage(ID, kind);
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    };

    const jsonld = await file('jsonld');
    expect(jsonld).toMatchObject({ filename: 'crosswire-reuters.com-2012-03-13.jsonld', mime: 'application/ld+json' });
    expect(jsonld.count).toBe(2);
    const doc = JSON.stringify(JSON.parse(jsonld.data));
    expect(doc).toContain('who he met');
    expect(doc).toContain('a paragraph the page dropped');
    expect(doc).not.toContain('another page');
    // Lavrov's mentions elsewhere are the bundled outlets', not this page's own.
    expect(doc).toContain(CBC().id);
    expect(doc).toContain('Sergey Lavrov');

    const csv = await file('csv');
    expect(csv).toMatchObject({ filename: 'crosswire-reuters.com-2012-03-13-notes.csv', mime: 'text/csv', count: 2 });
    expect(csv.data.split('\r\n').filter(Boolean)).toHaveLength(3);

    const markdown = await file('markdown');
    expect(markdown).toMatchObject({ filename: 'crosswire-reuters.com-2012-03-13-report.md', mime: 'text/markdown' });
    expect(markdown.data).toMatch(/^# \[Talks in Moscow\]/);
    expect(markdown.data).toContain('**Sergey Lavrov**');
    expect(markdown.data).toContain('[CBC News](');
    expect(markdown.data).not.toContain('[Reuters](');
    expect(markdown.data).toContain('who he met');

    expect(await pages.exportPage('a-000000000000', 'csv')).toEqual({
      ok: false,
      error: 'no page or article a-000000000000',
    });
  });
});

describe('the kept readings', () => {
  it('let the oldest go past KEPT_READINGS, with their tabs', async () => {
    const db = freshDb();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const article = (i: number) => pageArticle({ text: `Reading ${i}.` });
      for (let i = 0; i < KEPT_READINGS; i++) {
        vi.setSystemTime(1_000 + i);
        await keepReading(db, article(i), 'page', i);
      }
      // Read again, the first page is the newest: the second is now the oldest.
      vi.setSystemTime(5_000);
      await keepReading(db, article(0), 'page', 0);
      expect(await db.readings.count()).toBe(KEPT_READINGS);
      vi.setSystemTime(6_000);
      await keepReading(db, article(KEPT_READINGS), 'page', KEPT_READINGS);
      expect(await db.readings.count()).toBe(KEPT_READINGS);
      expect(await readingOf(db, article(1).id)).toBeUndefined();
      expect(await db.tabs.get(1)).toBeUndefined();
      for (const i of [0, 2, KEPT_READINGS]) {
        expect((await readingOf(db, article(i).id))?.article.text).toBe(`Reading ${i}.`);
        expect((await db.tabs.get(i))?.articleId).toBe(article(i).id);
      }
    } finally {
      vi.useRealTimers();
    }
  });
});
