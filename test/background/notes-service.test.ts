import { describe, expect, it, vi } from 'vitest';
import { corpusService } from '../../src/background/corpus-service';
import { seedBundled } from '../../src/background/corpus-store';
import { notesService } from '../../src/background/notes-service';
import { pageService } from '../../src/background/page-service';
import { bundled, freshDb } from './corpus-db';
import { sampleNote } from './sample-note';

const NOW = new Date('2026-11-25T12:00:00.000Z');

/** A database with the bundled corpus and the notes and corpus services over it. */
async function services() {
  const db = freshDb();
  const ready = seedBundled(db, bundled);
  const corpus = corpusService(db, ready);
  const notes = notesService(db, ready, corpus, () => NOW);
  const pages = pageService(db, ready, corpus, () => Promise.reject(new Error('no tabs in this test')));
  await corpus.status();
  return { db, corpus, notes, pages };
}

const MINE = [
  sampleNote({
    id: 'n-00000000000000a1',
    note: 'Toll differs from RT’s 2,700',
    tags: ['toll', 'check'],
    stance: 'disputed',
  }),
  sampleNote({
    id: 'n-00000000000000a2',
    note: '',
    tags: ['cite'],
    stance: null,
    motivation: 'tagging',
    highlight: { kind: 'quote', id: 'q-3' },
    target: {
      exact: 'bear a huge share of responsibility',
      prefix: 'Syrian authorities "',
      suffix: '" but insisted',
      start: 400,
      end: 435,
    },
  }),
  sampleNote({
    id: 'n-00000000000000a3',
    note: 'Emoji 😀 and <img src=x onerror=alert(1)> stay text',
    tags: [],
    stance: 'verified',
    url: 'https://www.voanews.com/a/x',
    articleId: 'a-000000000002',
  }),
];
const PAGE = {
  text: 'Kofi Annan met Bashar al-Assad in Damascus on Saturday.\n\nThe UN says more than 7,500 people have been killed.',
  url: 'https://www.reuters.com/world/annan-assad',
  headline: 'Annan meets Assad',
  published: '2012-03-10',
};

describe('notes: export, wipe, import', () => {
  for (const format of ['jsonld', 'backup'] as const) {
    it(`round-trips through ${format}: the stored notes are identical, and importing again adds nothing`, async () => {
      const a = await services();
      for (const n of MINE) expect((await a.notes.save(n)).ok).toBe(true);
      const exported = await a.notes.exportNotes(format);
      expect(exported.ok && exported.value).toMatchObject({
        filename: `crosswire-${format === 'backup' ? 'backup' : 'notes'}-2026-11-25.${format === 'backup' ? 'jsonl' : 'jsonld'}`,
        count: 3,
      });
      const before = await a.db.notes.orderBy('id').toArray();
      // Wipe, then import the file.
      await a.db.notes.clear();
      const imported = await a.notes.importNotes(exported.ok ? exported.value.data : '');
      expect(imported).toEqual({
        ok: true,
        value: { kind: format === 'backup' ? 'backup' : 'crosswire', added: 3, skipped: 0, reasons: [], articles: 0 },
      });
      expect(await a.db.notes.orderBy('id').toArray()).toEqual(before);
      expect(await a.notes.importNotes(exported.ok ? exported.value.data : '')).toMatchObject({
        ok: true,
        value: { added: 0, skipped: 3 },
      });
    });
  }

  it('restores a backup elsewhere: its header’s notes and settings, and the articles its lines hold', async () => {
    const a = await services();
    for (const n of MINE) await a.notes.save(n);
    // A page read in the browser and added to the corpus.
    const read = await a.pages.readPage(PAGE, 1);
    expect((await a.pages.addPage(read.ok ? read.value.articleId : '')).ok).toBe(true);
    await a.corpus.updateSettings({ rememberArticles: true, disabledSites: ['www.rt.com'] });
    const header = await a.notes.exportNotes('backup');
    if (!header.ok) throw new Error(header.error);
    // One line, counting the reader's article; the options page adds the article's line after it.
    expect(header.value.data.split('\n')).toEqual([expect.stringContaining('"version":2'), '']);
    expect(JSON.parse(header.value.data)).toMatchObject({ articles: 1, notes: expect.any(Array) });
    const lines = await a.corpus.exportArticles('user');
    expect(lines.count).toBe(1);
    // Restored as the options page does: the articles, then the header.
    const b = await services();
    expect(await b.corpus.importArticles(lines.data, 'jsonl', 2)).toMatchObject({
      ok: true,
      value: { added: [read.ok && read.value.articleId] },
    });
    const restored = await b.notes.importNotes(header.value.data);
    expect(restored).toEqual({ ok: true, value: { kind: 'backup', added: 3, skipped: 0, reasons: [], articles: 0 } });
    expect(await b.db.notes.orderBy('id').toArray()).toEqual(await a.db.notes.orderBy('id').toArray());
    expect(await b.corpus.settings()).toEqual({ rememberArticles: true, disabledSites: ['www.rt.com'] });
    const mine = (await a.corpus.listArticles()).items.find((i) => i.origin === 'user')!;
    const [x, y] = await Promise.all([a.corpus.articleText(mine.articleId), b.corpus.articleText(mine.articleId)]);
    expect(y).toEqual(x);
  });

  it('still restores a version 1 backup whole: its articles, notes and settings', async () => {
    const a = await services();
    const v1 = JSON.stringify({
      format: 'crosswire-backup',
      version: 1,
      exported: NOW.toISOString(),
      articles: [{ text: PAGE.text, url: PAGE.url, headline: PAGE.headline, published: PAGE.published }],
      notes: MINE,
      settings: { rememberArticles: true, disabledSites: ['www.rt.com'] },
    });
    expect(await a.notes.importNotes(v1)).toEqual({
      ok: true,
      value: { kind: 'backup', added: 3, skipped: 0, reasons: [], articles: 1 },
    });
    expect((await a.corpus.status()).user).toBe(1);
    expect(await a.corpus.settings()).toEqual({ rememberArticles: true, disabledSites: ['www.rt.com'] });
  });

  it('counts the reader’s articles for a backup’s header without reading them, however many', async () => {
    const a = await services();
    for (const n of MINE) await a.notes.save(n);
    // The count the corpus keeps says 20,001 of the reader's articles: none is read to find out.
    await a.db.settings.put({ key: 'userArticleCount', value: 20_001 });
    const read = vi.spyOn(a.db.articles, 'where');
    const header = await a.notes.exportNotes('backup');
    expect(header.ok && JSON.parse(header.value.data)).toMatchObject({ articles: 20_001 });
    expect(read).not.toHaveBeenCalled();
  });

  it('exports CSV, filtered', async () => {
    const a = await services();
    for (const n of MINE) await a.notes.save(n);
    const csv = await a.notes.exportNotes('csv', { tag: 'toll' });
    expect(csv.ok && csv.value.count).toBe(1);
    expect(csv.ok && csv.value.data.split('\r\n').filter(Boolean)).toHaveLength(2);
  });

  it('rejects a broken file and changes nothing', async () => {
    const a = await services();
    for (const n of MINE) await a.notes.save(n);
    const before = await a.db.notes.orderBy('id').toArray();
    const articles = await a.db.articles.count();
    for (const broken of [
      '',
      '{"@context": ',
      '{"export_date": "2026-01-01", "annotations": [{"id": 5}]}',
      JSON.stringify({
        format: 'crosswire-backup',
        version: 1,
        exported: NOW.toISOString(),
        articles: [{ text: 7 }],
        notes: [],
        settings: null,
      }),
    ]) {
      const r = await a.notes.importNotes(broken);
      expect(r.ok, broken.slice(0, 40)).toBe(false);
      expect(r.ok ? '' : r.error.length).toBeGreaterThan(10);
    }
    expect(await a.db.notes.orderBy('id').toArray()).toEqual(before);
    expect(await a.db.articles.count()).toBe(articles);
  });
});
