import { describe, expect, it } from 'vitest';
import { articleFromRecord, corpusService } from '../../src/background/corpus-service';
import { addArticle, ensureSeeded, seedBundled } from '../../src/background/corpus-store';
import type { CorpusDb, IndexRow } from '../../src/background/db';
import { pageService } from '../../src/background/page-service';
import { pageArticle } from '../../src/core/corpus/page-article';
import type { BundledCorpus } from '../../src/core/corpus/types';
import { bundled, freshDb } from './corpus-db';
import { sampleNote } from './sample-note';

/** Every row of every table, to compare whole databases. */
async function snapshot(db: CorpusDb) {
  const tables = ['articles', 'summaries', 'articleIndex', 'actorStats', 'notes', 'settings'] as const;
  const out: Record<string, unknown[]> = {};
  for (const t of tables)
    out[t] = (await db.table(t).toArray()).map((r: Record<string, unknown>) => ({ ...r, addedAt: undefined }));
  return out;
}

const page = {
  text: 'Foreign Minister Sergey Lavrov met Kofi Annan in Moscow on Tuesday. "The violence must stop," Annan said after the talks, which Lavrov called useful. More than 8,000 people have been killed in Syria.',
  url: 'https://www.reuters.com/world/annan-moscow-2012-03-13/?utm_source=twitter',
  headline: 'Annan in Moscow',
  published: '2012-03-13',
};

describe('the corpus store', () => {
  it('seeds the bundled articles once: seeding again changes nothing', async () => {
    const db = freshDb();
    expect(await seedBundled(db, bundled)).toEqual({ changed: true, articles: 3 });
    const first = await snapshot(db);
    expect(first.articles).toHaveLength(3);
    expect(first.articleIndex!.flatMap((r) => (r as IndexRow).mentions).length).toBeGreaterThan(50);
    expect(await seedBundled(db, bundled)).toEqual({ changed: false, articles: 3 });
    expect(await snapshot(db)).toEqual(first);
  });

  it('replaces the bundled articles on a new corpus version and keeps the user’s articles and notes', async () => {
    const db = freshDb();
    await seedBundled(db, bundled);
    const mine = pageArticle(page);
    expect(await addArticle(db, mine)).toEqual({ ok: true, value: { id: mine.id } });
    await db.notes.add(sampleNote({ id: 'n-1', articleId: mine.id, url: page.url }));
    await db.notes.add(sampleNote({ id: 'n-2', articleId: bundled.articles[0]!.id, note: 'on a bundled article' }));

    const next: BundledCorpus = {
      ...bundled,
      version: `${bundled.version}-next`,
      articles: bundled.articles.slice(0, 2),
    };
    expect(await seedBundled(db, next)).toEqual({ changed: true, articles: 2 });
    expect((await db.articles.toArray()).map((a) => [a.origin, a.id]).sort()).toEqual(
      [...next.articles.map((a) => ['bundled', a.id]), ['user', mine.id]].sort(),
    );
    expect(await db.notes.count()).toBe(2);
    // The dropped article's index rows went with it; the user's stayed.
    expect(await db.articleIndex.get(bundled.articles[2]!.id)).toBeUndefined();
    expect((await db.articleIndex.get(mine.id))?.mentions.length).toBeGreaterThan(0);
    expect((await db.settings.get('corpusVersion'))?.value).toBe(next.version);
  });

  it('refuses a duplicate by canonical URL and by content, whether read in the browser or imported', async () => {
    const db = freshDb();
    const mine = pageArticle(page);
    await addArticle(db, mine);
    const sameUrl = articleFromRecord({
      ...page,
      text: `${page.text} Updated at 10:00.`,
      url: 'https://reuters.com/world/annan-moscow-2012-03-13',
    });
    expect(await addArticle(db, sameUrl)).toEqual({ ok: false, error: 'already in the corpus: "Annan in Moscow"' });
    const sameText = pageArticle({ ...page, url: 'https://www.yahoo.com/news/annan-moscow-123.html' });
    expect(await addArticle(db, sameText)).toMatchObject({
      ok: false,
      error: expect.stringContaining('already in the corpus'),
    });
    expect(await db.articles.count()).toBe(1);
  });

  it('imports JSON Lines, skipping duplicates and reporting them', async () => {
    const db = freshDb();
    const corpus = corpusService(db, seedBundled(db, bundled));
    const lines = [
      page,
      { ...page, url: 'https://www.reuters.com/world/annan-moscow-2012-03-13' },
      {
        text: 'Kofi Annan arrived in Damascus on Saturday for talks with President Bashar al-Assad.',
        url: 'https://www.bbc.com/news/world-17290412',
        published: '2012-03-10',
      },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n');
    const report = await corpus.importArticles(lines, 'jsonl');
    expect(report).toMatchObject({
      ok: true,
      value: {
        added: [expect.any(String), expect.any(String)],
        skipped: [{ index: 1, reason: expect.stringContaining('already in the corpus') }],
      },
    });
    expect((await corpus.status()).articles).toBe(5);
  });

  it('rejects a malformed import file as a whole, and changes nothing', async () => {
    const db = freshDb();
    const corpus = corpusService(db, seedBundled(db, bundled));
    await corpus.status(); // seeded
    const before = await snapshot(db);
    const bad = `${JSON.stringify(page)}\n${JSON.stringify({ text: 'fine text here', published: '12 March' })}\n`;
    expect(await corpus.importArticles(bad, 'jsonl')).toEqual({
      ok: false,
      error: 'nothing was imported; 1 problem:\nline 2: "published" must be a date like 2012-03-12, not "12 March"',
    });
    expect(await corpus.importArticles('{"oops"', 'json')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^not valid JSON/),
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('writes nothing when storage fills up part-way, and says so', async () => {
    const db = freshDb();
    const corpus = corpusService(db, seedBundled(db, bundled));
    await corpus.status();
    const before = await snapshot(db);
    let writes = 0;
    db.articleIndex.hook('creating', () => {
      if (++writes > 1) throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    });
    const two = [
      page,
      {
        text: 'Kofi Annan arrived in Damascus on Saturday. "We must stop the killing," he said. "And then talk," Annan added.',
        url: 'https://www.bbc.com/news/world-17290412',
      },
    ];
    expect(await corpus.importArticles(JSON.stringify(two), 'json')).toEqual({
      ok: false,
      error: expect.stringMatching(/^Storage is full: nothing was added/),
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('leaves the corpus as it was when adding one page fails: a full disk, or any failed transaction', async () => {
    const db = freshDb();
    const ready = seedBundled(db, bundled);
    const corpus = corpusService(db, ready);
    const pages = pageService(db, ready, corpus, () => Promise.reject(new Error('no tabs in this test')));
    const read = await pages.readPage(page, 4);
    expect(read).toMatchObject({ ok: true, value: { stored: false } });
    const articleId = read.ok ? read.value.articleId : '';
    const before = await snapshot(db);
    const fail = (error: Error) => () => {
      throw error;
    };
    const quota = fail(Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' }));
    db.articleIndex.hook('creating', quota);
    expect(await pages.addPage(articleId)).toEqual({
      ok: false,
      error: expect.stringMatching(/^Storage is full: nothing was added/),
    });
    expect(await snapshot(db)).toEqual(before);
    db.articleIndex.hook('creating').unsubscribe(quota);
    const aborted = fail(Object.assign(new Error('The transaction was aborted.'), { name: 'AbortError' }));
    db.heads.hook('creating', aborted);
    expect(await pages.addPage(articleId)).toEqual({
      ok: false,
      error: "Nothing was added: the browser could not write to Crosswire's database (The transaction was aborted.).",
    });
    expect(await snapshot(db)).toEqual(before);
    db.heads.hook('creating').unsubscribe(aborted);
    expect(await pages.addPage(articleId)).toEqual({ ok: true, value: { id: articleId } });
    // The page's reading is still there, now stored.
    expect(await pages.pageOfTab(4)).toMatchObject({ ok: true, value: { articleId, stored: true } });
  });

  it('deletes a user article with its index rows', async () => {
    const db = freshDb();
    const ready = seedBundled(db, bundled);
    const corpus = corpusService(db, ready);
    await ready;
    const { id } = pageArticle(page);
    expect(await addArticle(db, pageArticle(page))).toEqual({ ok: true, value: { id } });
    expect(await corpus.status()).toMatchObject({ articles: 4, bundled: 3, user: 1 });
    expect(await corpus.deleteArticle(id)).toEqual({ ok: true, value: { id } });
    // The counts are kept, not counted (150 ms at 10,000 articles): they must follow every change.
    expect(await corpus.status()).toMatchObject({ articles: 3, bundled: 3, user: 0 });
    expect(await db.articleIndex.get(id)).toBeUndefined();
    expect(await corpus.deleteArticle(id)).toEqual({ ok: false, error: `no article ${id} in the corpus` });
  });
});

describe('the seeding check at each start of the background', () => {
  /** A bundled corpus loader that counts its loads (each one a fetch of corpus.json in the extension). */
  const counting = (corpus: BundledCorpus = bundled) => {
    const load = async () => {
      load.calls++;
      return corpus;
    };
    load.calls = 0;
    return load;
  };

  it('loads the bundled corpus on a first start, an update or an install event, not on every wake', async () => {
    const db = freshDb();
    const load = counting();
    await ensureSeeded(db, '1.0.0', load);
    expect(load.calls).toBe(1);
    expect(await db.articles.count()).toBe(3);
    // The worker wakes again with the same version: one settings row read, nothing loaded.
    await ensureSeeded(db, '1.0.0', load);
    expect(load.calls).toBe(1);
    // An install or update event (a developer's reload keeps the version) checks anyway.
    await ensureSeeded(db, '1.0.0', load, true);
    expect(load.calls).toBe(2);
    // An update with other seeds replaces the bundled articles.
    const next = counting({ ...bundled, version: `${bundled.version}-next`, articles: bundled.articles.slice(0, 2) });
    await ensureSeeded(db, '1.1.0', next);
    expect(next.calls).toBe(1);
    expect(await db.articles.where('origin').equals('bundled').count()).toBe(2);
    await ensureSeeded(db, '1.1.0', next);
    expect(next.calls).toBe(1);
  });

  it('checks again on the next start when a load failed, and the corpus stays as it was', async () => {
    const db = freshDb();
    await ensureSeeded(db, '1.0.0', counting());
    const broken = async (): Promise<BundledCorpus> => {
      throw new Error('corpus.json: not found');
    };
    await expect(ensureSeeded(db, '1.1.0', broken)).rejects.toThrow('corpus.json: not found');
    expect(await db.articles.count()).toBe(3);
    const load = counting();
    await ensureSeeded(db, '1.1.0', load);
    expect(load.calls).toBe(1);
  });
});
