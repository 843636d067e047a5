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
        filename: `crosswire-${format === 'backup' ? 'backup' : 'notes'}-2026-11-25.${format === 'backup' ? 'json' : 'jsonld'}`,
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

  it('restores a backup elsewhere: the user’s articles, the notes and the settings', async () => {
    const a = await services();
    for (const n of MINE) await a.notes.save(n);
    // A page read in the browser and added to the corpus.
    const read = await a.pages.readPage(PAGE, 1);
    expect((await a.pages.addPage(read.ok ? read.value.articleId : '')).ok).toBe(true);
    await a.corpus.updateSettings({ rememberArticles: true, disabledSites: ['www.rt.com'] });
    const backup = await a.notes.exportNotes('backup');
    const b = await services();
    const restored = await b.notes.importNotes(backup.ok ? backup.value.data : '');
    expect(restored).toEqual({ ok: true, value: { kind: 'backup', added: 3, skipped: 0, reasons: [], articles: 1 } });
    expect(await b.db.notes.orderBy('id').toArray()).toEqual(await a.db.notes.orderBy('id').toArray());
    expect(await b.corpus.settings()).toEqual({ rememberArticles: true, disabledSites: ['www.rt.com'] });
    const mine = (await a.corpus.listArticles()).items.find((i) => i.origin === 'user')!;
    const [x, y] = await Promise.all([a.corpus.articleText(mine.articleId), b.corpus.articleText(mine.articleId)]);
    expect(y).toEqual(x);
  });

  it('refuses a backup of more articles than a restore takes, by their count, before reading them', async () => {
    const a = await services();
    for (const n of MINE) await a.notes.save(n);
    // The count the corpus keeps says 20,001 of the reader's articles: none is read to find out.
    await a.db.settings.put({ key: 'userArticleCount', value: 20_001 });
    const read = vi.spyOn(a.db.articles, 'where');
    expect(await a.notes.exportNotes('backup')).toEqual({
      ok: false,
      error: expect.stringMatching(/^the backup would hold your 20,001 articles, and a restore reads at most 50 MB/),
    });
    expect(read).not.toHaveBeenCalled();
    // Notes alone still export.
    expect((await a.notes.exportNotes('jsonld')).ok).toBe(true);
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
