import { beforeAll, describe, expect, it } from 'vitest';
import { corpusService, type CorpusApi } from '../../src/background/corpus-service';
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
    expect(await corpus.exportArticles()).toEqual({ data: '[]\n', count: 0 });
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
    const imported = await elsewhere.importArticles(exported.data);
    expect(imported).toEqual({ ok: true, value: { added: [added.ok && added.value.id], skipped: [] } });
    const [mine, theirs] = await Promise.all([
      corpus.articleText(added.ok ? added.value.id : ''),
      elsewhere.articleText(added.ok ? added.value.id : ''),
    ]);
    expect(theirs).toEqual(mine);
    expect((await corpus.exportArticles('all')).count).toBe(4);
  });

  it('keeps how each article spells an actor with its mentions', async () => {
    const groups = await corpus.mentionsOf('sergey-lavrov');
    const forms = Object.fromEntries(groups.map((g) => [g.outlet.id, g.articles.flatMap((a) => a.forms)]));
    expect(forms['voanews.com']).toContain('Sergei Lavrov');
    expect(forms['cbc.ca']).toContain('Sergey Lavrov');
    expect(forms['rt.com']).toContain('Sergey Lavrov');
  });
});
