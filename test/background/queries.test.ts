import { beforeAll, describe, expect, it } from 'vitest';
import { corpusService, type CorpusApi } from '../../src/background/corpus-service';
import { seedBundled } from '../../src/background/corpus-store';
import type { CorpusDb } from '../../src/background/db';
import { pageArticle } from '../../src/core/corpus/page-article';
import { summarize, summaryFigure } from '../../src/core/match';
import { keepReading } from '../../src/background/readings';
import { bundled, freshDb, seed } from './corpus-db';
import { SYRIA_TOLL } from '../fixtures/seed-figures';

let db: CorpusDb;
let corpus: CorpusApi;
beforeAll(async () => {
  db = freshDb();
  corpus = corpusService(db, seedBundled(db, bundled));
  await corpus.status();
});

/** A stored article's summary, as the page service hands it to story matching. */
const stored = async (articleId: string) => (await db.summaries.get(articleId))!;

const CBC = () => seed('cbc.ca');
const VOA = () => seed('voanews.com');
const RT = () => seed('rt.com');

describe('corpus queries over the seeded database', () => {
  it('mentionsOf: the sentences naming an actor, by outlet, newest first', async () => {
    const groups = await corpus.mentionsOf('sergey-lavrov');
    expect(groups.map((g) => g.outlet.id)).toEqual(expect.arrayContaining(['cbc.ca', 'voanews.com', 'rt.com']));
    expect(groups[groups.length - 1]!.outlet.id).toBe('rt.com'); // 2011, the oldest
    const rt = groups.find((g) => g.outlet.id === 'rt.com')!;
    expect(rt.outlet.name).toBe('RT');
    expect(rt.articles[0]!.sentences.some((s) => s.includes('Sergey Lavrov'))).toBe(true);
    expect((await corpus.mentionsOf('sergey-lavrov', CBC().id)).some((g) => g.outlet.id === 'cbc.ca')).toBe(false);
    expect(await corpus.mentionsOf('no-such-actor')).toEqual([]);
  });

  it('figuresLike: each outlet’s death toll for Syria, with the verdict', async () => {
    const cbcToll = CBC().annotations.find((a) => a.kind === 'figure' && a.counts === 'deaths' && a.value === 7500)!;
    expect(cbcToll).toBeDefined();
    const result = await corpus.figuresLike(SYRIA_TOLL, CBC().id);
    const byOutlet = Object.fromEntries(result.items.map((i) => [i.outlet, i.value]));
    expect(byOutlet).toMatchObject({ 'voanews.com': 7500, 'rt.com': expect.any(Number) });
    expect(result.items.find((i) => i.outlet === 'voanews.com')!.agrees).toBe(true);
    expect(result.verdict).toBe('differ-dates-explain');
  });

  it('quotesLike: Lavrov’s words in the other outlets', async () => {
    const found = await corpus.quotesLike('bear a huge share of responsibility', CBC().id);
    expect(found.map((q) => [q.outlet, q.kind])).toEqual([['voanews.com', expect.stringMatching(/exact|near/)]]);
  });

  it('storyMatchOf: CBC and VOA are the same event, RT the related earlier one', async () => {
    const fromCbc = await corpus.storyMatchOf(await stored(CBC().id));
    const labels = Object.fromEntries(fromCbc.map((m) => [m.outlet, m.label]));
    expect(labels).toEqual({ 'voanews.com': 'same event', 'rt.com': 'related earlier event' });
    // Each version comes with its first paragraph, for the popup's list.
    const voaLead = fromCbc.find((m) => m.outlet === 'voanews.com')!.lead;
    expect(voaLead).toMatch(/^\S/);
    expect(VOA().text).toContain(voaLead!.replace(/…$/, ''));
    const fromRt = await corpus.storyMatchOf(await stored(RT().id));
    expect(fromRt.map((m) => m.label)).toEqual(['related later event', 'related later event']);
  });

  it('storyMatchOf and coverageGapsOf take a page the corpus has never seen (a kept reading’s summary)', async () => {
    const page = pageArticle({
      text: VOA().text,
      url: 'https://www.voanews.com/a/syria-un-2012-03-12',
      published: '2012-03-12',
    });
    expect(await db.articles.get(page.id)).toBeUndefined();
    const matches = await corpus.storyMatchOf(summarize(page));
    expect(matches.find((m) => m.articleId === VOA().id)?.label).toBe('syndicated');
    const gaps = await corpus.coverageGapsOf(await stored(VOA().id));
    expect(gaps.missing.actors.map((a) => a.label)).toEqual(expect.arrayContaining(['Canada', 'Bev Oda']));
  });

  it('syndicationDiff: from a page read but not stored, by its kept reading', async () => {
    const page = pageArticle({
      text: `${VOA().text}\n\nA paragraph only this page carries.`,
      url: 'https://www.example-wire.org/syria-un-2012-03-12',
      published: '2012-03-12',
    });
    await keepReading(db, page, 'page', undefined);
    const diff = await corpus.syndicationDiff(page.id, VOA().id);
    expect(diff.ok && diff.value.some((d) => d.op !== 'same' && d.text.includes('only this page'))).toBe(true);
  });

  it('syndicationDiff: a word diff between two stored articles', async () => {
    const diff = await corpus.syndicationDiff(CBC().id, VOA().id);
    expect(diff.ok && diff.value.some((d) => d.op === 'same')).toBe(true);
    expect(await corpus.syndicationDiff(CBC().id, 'a-missing')).toEqual({
      ok: false,
      error: 'no article a-missing in the corpus',
    });
  });
});

describe('index records written before they cited each sentence once', () => {
  it('give the cards the same sentences and figures as records written now', async () => {
    const now = freshDb();
    const before = freshDb();
    await seedBundled(now, bundled);
    await seedBundled(before, bundled);
    // Each record as it was written until December 2026: every entry with its sentence's text.
    const rows = await before.articleIndex.toArray();
    await before.articleIndex.bulkPut(
      rows.map(({ texts, mentions, figures, ...row }) => ({
        ...row,
        mentions: mentions.map(({ text, ...m }) => ({ ...m, sentenceText: texts![text!]! })),
        figures: figures.map(({ text, ...f }) => ({ ...f, sentenceText: texts![text!]! })),
      })),
    );
    expect((await before.articleIndex.toArray()).every((r) => r.texts === undefined)).toBe(true);
    const [oldRow, newRow] = await Promise.all([before.articleIndex.get(CBC().id), now.articleIndex.get(CBC().id)]);
    // The same record, smaller: a sentence naming several actors is stored once.
    expect(JSON.stringify(newRow).length).toBeLessThan(JSON.stringify(oldRow).length * 0.8);
    const old = corpusService(before, Promise.resolve());
    const current = corpusService(now, Promise.resolve());
    const lavrov = await current.mentionsOf('sergey-lavrov');
    expect(lavrov.flatMap((g) => g.articles.flatMap((a) => a.sentences)).length).toBeGreaterThan(3);
    expect(await old.mentionsOf('sergey-lavrov')).toEqual(lavrov);
    const toll = CBC().annotations.find((a) => a.kind === 'figure' && a.counts === 'deaths')!;
    const query = { ...summaryFigure(toll as never), published: CBC().published };
    const like = await current.figuresLike(query as never);
    expect(like.items.length + like.alongside.length).toBeGreaterThan(0);
    expect(await old.figuresLike(query as never)).toEqual(like);
  });
});
