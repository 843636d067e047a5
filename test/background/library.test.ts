import { beforeAll, describe, expect, it } from 'vitest';
import { corpusService, type CorpusApi } from '../../src/background/corpus-service';
import type { CorpusDb } from '../../src/background/db';
import { exportPage } from '../../src/background/library';
import type { ExportPage } from '../../src/messages';
import { seedBundled } from '../../src/background/corpus-store';
import { type PagesApi, pageService } from '../../src/background/page-service';
import { bundled, freshDb, seed } from './corpus-db';

let corpus: CorpusApi;
let pages: PagesApi;
beforeAll(async () => {
  const db = freshDb();
  const ready = seedBundled(db, bundled);
  corpus = corpusService(db, ready);
  pages = pageService(db, ready, corpus, () => Promise.reject(new Error('no tabs in this test')));
  await corpus.status();
});

const PAGE = {
  url: 'https://www.aljazeera.com/news/2012/3/13/annan-in-talks',
  headline: 'Annan in talks with Assad as Homs shelling goes on',
  published: '2012-03-13',
  text: 'Kofi Annan met Bashar al-Assad in Damascus on Tuesday.\n\nThe United Nations says more than 7,500 people have been killed.',
};

describe('the corpus as a library', () => {
  it('lists every article newest first, with its outlet and origin', async () => {
    const list = await corpus.listArticles();
    expect(list.total).toBe(3);
    const dates = list.items.map((i) => i.published ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(list.items.map((i) => i.outlet.id).sort()).toEqual(['cbc.ca', 'rt.com', 'voanews.com']);
    expect(list.items.every((i) => i.origin === 'bundled')).toBe(true);
    expect(list.items.find((i) => i.outlet.id === 'rt.com')).toMatchObject({
      published: '2011-09-20',
      outlet: { name: 'RT' },
    });
    expect(list.actor).toBeNull();
  });

  it('lists an undated article too, last (the date index has no entry for it)', async () => {
    const db = freshDb();
    const ready = seedBundled(db, bundled);
    const own = corpusService(db, ready);
    await ready;
    const undated = {
      text: 'Envoys met in Oslo. They said the talks would go on.',
      url: 'https://example.org/world/oslo',
    };
    expect(await own.importArticles(JSON.stringify([undated]), 'json')).toMatchObject({ ok: true });
    const list = await own.listArticles();
    expect(list.total).toBe(4);
    expect(list.items.at(-1)).toMatchObject({ published: null, url: undated.url });
  });

  it('pages through the list', async () => {
    const first = await corpus.listArticles('', 0, 2);
    const rest = await corpus.listArticles('', 2, 2);
    expect(first.items).toHaveLength(2);
    expect(rest.items).toHaveLength(1);
    expect(new Set([...first.items, ...rest.items].map((i) => i.articleId)).size).toBe(3);
  });

  it('pages across the end of the dated articles into the undated ones, each article once', async () => {
    const db = freshDb();
    const ready = seedBundled(db, bundled);
    const own = corpusService(db, ready);
    await ready;
    const undated = ['oslo', 'bern', 'riga'].map((city) => ({
      text: `Envoys met in ${city}. They said the talks would go on.`,
      url: `https://example.org/world/${city}`,
    }));
    expect(await own.importArticles(JSON.stringify(undated), 'json')).toMatchObject({ ok: true });
    const pages = await Promise.all([0, 2, 4].map((offset) => own.listArticles('', offset, 2)));
    expect(pages.map((p) => p.total)).toEqual([6, 6, 6]);
    const ids = pages.flatMap((p) => p.items.map((i) => i.articleId));
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect(pages.flatMap((p) => p.items.map((i) => i.published !== null))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('finds the articles naming an actor, by any name the dictionary knows', async () => {
    // Other spellings and scripts too, as the engine resolves them in Russian and Arabic copy.
    for (const query of ['Lavrov', 'Sergei Lavrov', 'sergey lavrov', 'Sergej Lavrov', 'Лавров', 'Лаврова', 'لافروف']) {
      const list = await corpus.listArticles(query);
      expect(list.actor, query).toEqual({ id: 'sergey-lavrov', label: 'Sergey Lavrov' });
      expect(list.total, query).toBe(3);
    }
  });

  it('finds articles by words of their headline or outlet, ignoring case and accents', async () => {
    expect((await corpus.listArticles('KILLINGS split')).items.map((i) => i.outlet.id)).toEqual(['cbc.ca']);
    expect((await corpus.listArticles('rébuffs')).items.map((i) => i.outlet.id)).toEqual(['rt.com']);
    // Words and the unfiltered list agree on order.
    const found = (await corpus.listArticles('syria')).items.map((i) => i.articleId);
    expect(found.length).toBeGreaterThan(1);
    expect(found).toEqual(
      (await corpus.listArticles()).items.map((i) => i.articleId).filter((id) => found.includes(id)),
    );
    expect((await corpus.listArticles('rt.com')).items.map((i) => i.outlet.id)).toEqual(['rt.com']);
    expect(await corpus.listArticles('zzz nothing like this')).toEqual({ total: 0, items: [], actor: null });
  });

  it('reads one article whole, and says when there is none', async () => {
    const rt = seed('rt.com');
    const reply = await corpus.articleText(rt.id);
    expect(reply.ok && reply.value).toMatchObject({
      articleId: rt.id,
      text: rt.text,
      headline: rt.headline,
      outlet: { id: 'rt.com', name: 'RT' },
    });
    expect(reply.ok && reply.value.annotations.length).toBe(rt.annotations.length);
    expect(await corpus.articleText('a-000000000000')).toEqual({
      ok: false,
      error: 'no article a-000000000000 in the corpus',
    });
  });

  it('exports the user’s articles in the import format, and importing the export elsewhere gives the same articles', async () => {
    expect(await corpus.exportArticles()).toEqual({ data: '', count: 0, next: null, total: 0 });
    // A page read in the browser, then added ("Add this page").
    const read = await pages.readPage(PAGE, 2);
    const added = await pages.addPage(read.ok ? read.value.articleId : '');
    expect(added).toEqual({ ok: true, value: { id: read.ok && read.value.articleId } });
    const listed = await corpus.listArticles();
    expect(listed.items.find((i) => i.origin === 'user')?.articleId).toBe(added.ok && added.value.id);
    const exported = await corpus.exportArticles();
    expect(exported.count).toBe(1);
    const other = freshDb();
    const elsewhere = corpusService(other, seedBundled(other, bundled));
    expect(exported.next).toBeNull();
    const imported = await elsewhere.importArticles(exported.data, 'jsonl');
    expect(imported).toEqual({ ok: true, value: { added: [added.ok && added.value.id], skipped: [] } });
    const [mine, theirs] = await Promise.all([
      corpus.articleText(added.ok ? added.value.id : ''),
      elsewhere.articleText(added.ok ? added.value.id : ''),
    ]);
    expect(theirs).toEqual(mine);
    expect(await corpus.exportArticles('all')).toMatchObject({ count: 4, next: null, total: 4 });
  });

  it('keeps how each article spells an actor with its mentions', async () => {
    const groups = await corpus.mentionsOf('sergey-lavrov');
    const forms = Object.fromEntries(groups.map((g) => [g.outlet.id, g.articles.flatMap((a) => a.forms)]));
    expect(forms['voanews.com']).toContain('Sergei Lavrov');
    expect(forms['cbc.ca']).toContain('Sergey Lavrov');
    expect(forms['rt.com']).toContain('Sergey Lavrov');
  });
});

describe('an export read page by page', () => {
  const ARTICLES = Array.from({ length: 7 }, (_, i) => ({
    text: `Envoys met in Oslo for round ${i + 1} of the talks. They said the talks would go on.`,
    url: `https://example.org/world/oslo-${i + 1}`,
    outlet: 'example.org',
    headline: `Oslo talks, round ${i + 1}`,
  }));
  const SMALL = { articles: 3, chars: 1_000_000 };

  /** Every page of an export, read as the options page reads it. */
  async function allPages(
    db: CorpusDb,
    origin: 'user' | 'all',
    limits = SMALL,
    between?: (n: number) => Promise<void>,
  ) {
    const pages: ExportPage[] = [];
    let after: string | null = null;
    do {
      const page = await exportPage(db, origin, after, limits);
      pages.push(page);
      after = page.next;
      await between?.(pages.length);
    } while (after !== null);
    return pages;
  }

  async function corpusOf(records: object[]) {
    const db = freshDb();
    const ready = seedBundled(db, bundled);
    const own = corpusService(db, ready);
    await ready;
    expect(await own.importArticles(JSON.stringify(records), 'json')).toMatchObject({ ok: true });
    return { db, own };
  }
  const texts = (pages: ExportPage[]) =>
    pages.flatMap((p) =>
      p.data
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { text: string }).text),
    );

  it('gives every article once, in pages of at most the limit, each line an import record', async () => {
    const { db } = await corpusOf(ARTICLES);
    const mine = await allPages(db, 'user');
    expect(mine.map((p) => p.count)).toEqual([3, 3, 1]);
    expect(mine.every((p) => p.total === 7)).toBe(true);
    expect(texts(mine).sort()).toEqual(ARTICLES.map((a) => a.text).sort());
    const all = await allPages(db, 'all');
    expect(all.reduce((n, p) => n + p.count, 0)).toBe(10);
    expect(all.every((p) => p.total === 10)).toBe(true);
    expect(new Set(texts(all)).size).toBe(10);
    expect(texts(all)).toEqual(expect.arrayContaining(texts(mine)));
    // Each line is a record the import reads back.
    const other = freshDb();
    const elsewhere = corpusService(other, seedBundled(other, bundled));
    const back = await elsewhere.importArticles(mine.map((p) => p.data).join(''), 'jsonl');
    expect(back.ok && back.value.added).toHaveLength(7);
  });

  it('cuts a page at the character limit, but always carries one article', async () => {
    const { db } = await corpusOf(ARTICLES);
    const one = await allPages(db, 'user', { articles: 3, chars: 10 });
    expect(one.map((p) => p.count)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    const two = await allPages(db, 'user', { articles: 5, chars: 2 * one[0]!.data.length + 5 });
    expect(two.every((p) => p.count <= 2)).toBe(true);
    expect(new Set(texts(two)).size).toBe(7);
  });

  it('goes on past an article removed or added between pages', async () => {
    const { db, own } = await corpusOf(ARTICLES);
    const ids = (await allPages(db, 'user')).flatMap((p) => p.data.split('\n').filter(Boolean)).length;
    expect(ids).toBe(7);
    const late = {
      ...ARTICLES[0]!,
      text: 'A late article on the Oslo talks, added during the export.',
      url: 'https://example.org/late',
    };
    const pages = await allPages(db, 'user', SMALL, async (n) => {
      if (n !== 1) return;
      // The last article of the first page is the cursor: removed, the next page still follows it.
      await own.deleteArticle((await exportPage(db, 'user', null, SMALL)).next ?? '');
      await own.importArticles(JSON.stringify([late]), 'json');
    });
    const got = texts(pages);
    expect(new Set(got).size).toBe(got.length);
    // Every article still stored after the first page is exported, the late one included when its id comes later.
    expect(got.length).toBeGreaterThanOrEqual(6);
    expect(got).toEqual(expect.arrayContaining(texts([pages[0]!])));
  });
});
