import { describe, expect, it } from 'vitest';
import { corpusService } from '../../../src/background/corpus-service';
import {
  addArticle,
  insertEntries,
  pruneFeedEntries,
  seedBundled,
  upgradeEntry,
} from '../../../src/background/corpus-store';
import type { CorpusDb } from '../../../src/background/db';
import { pageArticle } from '../../../src/core/corpus/page-article';
import { feedArticle } from '../../../src/core/feeds/feed-article';
import type { FeedItem } from '../../../src/core/feeds/types';
import { bundled, freshDb } from '../corpus-db';
import { sampleNote } from '../sample-note';

const DAY = 86_400_000;

/** A feed item (invented): a headline and a one-line summary. */
const item = (n: number, more: Partial<FeedItem> = {}): FeedItem => ({
  guid: `https://example-outlet.org/world/story-${n}`,
  url: `https://example-outlet.org/world/story-${n}`,
  title: `Envoys meet for talks, round ${n}`,
  summary: `Diplomats from several states met in Geneva for round ${n} of the talks on Tuesday.`,
  published: '2026-03-01',
  ...more,
});
const entry = (n: number, more: Partial<FeedItem> = {}, outlet = 'example-outlet.org') =>
  feedArticle(item(n, more), outlet)!;

async function seeded(): Promise<CorpusDb> {
  const db = freshDb();
  await seedBundled(db, bundled);
  return db;
}

/** The corpus status the popup shows, and what the tables hold, to compare. */
async function counts(db: CorpusDb) {
  const status = await corpusService(db, Promise.resolve()).status();
  const table = (origin: string) => db.articles.where('origin').equals(origin).count();
  return {
    status,
    tables: {
      articles: await db.articles.count(),
      user: await table('user'),
      feed: await table('feed'),
      shared: await table('shared'),
    },
  };
}

const consistent = async (db: CorpusDb) => {
  const { status, tables } = await counts(db);
  expect({ articles: status.articles, user: status.user, feed: status.feed, shared: status.shared }).toEqual(tables);
  expect(status.bundled).toBe(3);
};

describe('feed entries in the corpus store', () => {
  it('adds a batch once: the same link, the same GUID of the outlet, the same wire text are one entry', async () => {
    const db = await seeded();
    const batch = [
      entry(1),
      entry(1), // the same item twice in a feed
      entry(2, { url: 'https://example-outlet.org/world/story-2?utm_source=rss' }), // story 2, tracked link
      entry(3, { url: 'https://example-outlet.org/amp/story-3-x', guid: item(1).guid }), // a GUID seen
      entry(4, { url: 'https://other-outlet.org/wire/4', guid: null, title: item(5).title, summary: item(5).summary }),
      entry(5, { guid: null }), // the same text as the one before, under another link
    ];
    const first = await insertEntries(db, batch, 'feed');
    expect(first.ok && first.value).toEqual({ added: [batch[0]!.id, batch[2]!.id, batch[4]!.id], skipped: 3 });
    // What feedArticle made is what was stored: a headline entry with its GUID.
    expect(await db.articles.get(batch[0]!.id)).toMatchObject({
      origin: 'feed',
      depth: 'headline',
      guid: item(1).guid,
      outlet: 'example-outlet.org',
    });
    // The next poll brings the same items: nothing is added twice.
    expect(await insertEntries(db, batch, 'feed')).toEqual({ ok: true, value: { added: [], skipped: 6 } });
    await consistent(db);
  });

  it('tells GUIDs of different outlets apart: a bare number is unique only within its feed', async () => {
    const db = await seeded();
    const a = entry(1, { guid: '1001', url: null });
    const b = entry(2, { guid: '1001', url: null }, 'another-outlet.org');
    const c = entry(3, { guid: '1001', url: null });
    const added = await insertEntries(db, [a, b, c], 'feed');
    expect(added.ok && added.value.added).toEqual([a.id, b.id]);
  });

  it('writes the entries and what goes alongside them (the feed row) together, or neither', async () => {
    const db = await seeded();
    const before = await counts(db);
    const failed = await insertEntries(db, [entry(1), entry(2)], 'feed', {
      alongside: async () => {
        throw new Error('the worker stopped');
      },
    });
    expect(failed).toEqual({
      ok: false,
      error: "Nothing was added: the browser could not write to Crosswire's database (the worker stopped).",
    });
    expect(await counts(db)).toEqual(before);
    expect((await db.articleIndex.toCollection().primaryKeys()).sort()).toEqual(
      bundled.articles.map((a) => a.id).sort(),
    );
  });

  it('counts shared entries apart from feed entries and the reader’s', async () => {
    const db = await seeded();
    await insertEntries(db, [entry(1), entry(2)], 'feed');
    await insertEntries(db, [entry(3), entry(2)], 'shared');
    const { status } = await counts(db);
    expect(status).toMatchObject({ articles: 6, bundled: 3, user: 0, feed: 2, shared: 1 });
    await consistent(db);
  });

  it('keeps the counts right when a batch replaces a headline entry, in a database that had no counts yet', async () => {
    const db = await seeded();
    await insertEntries(db, [entry(1), entry(2)], 'feed');
    // A database older than the counts: each is counted from its table, then kept.
    const forget = () => db.settings.bulkDelete(['articleCount', 'feedArticleCount', 'sharedArticleCount']);
    await forget();
    const whole = pageArticle({ text: `${item(1).title}\n\nThe whole story, at length.`, url: item(1).url! });
    const batch = await insertEntries(db, [{ ...whole, depth: 'full' }, entry(3)], 'shared');
    expect(batch.ok && batch.value).toEqual({ added: [whole.id, entry(3).id], skipped: 0 });
    expect(await counts(db)).toMatchObject({ status: { articles: 6, feed: 1, shared: 2 } });
    await consistent(db);
    await forget();
    await insertEntries(db, [entry(4)], 'feed');
    expect(await counts(db)).toMatchObject({ status: { articles: 7, feed: 2, shared: 2 } });
    await consistent(db);
  });

  it('lets the reader’s whole page take the place of a headline entry of it, and refuses a second copy', async () => {
    const db = await seeded();
    const headline = entry(1);
    await insertEntries(db, [headline], 'feed');
    const page = pageArticle({
      text: `${item(1).title}\n\n${'Diplomats from several states met in Geneva on Tuesday. '.repeat(20)}`,
      url: `${item(1).url}?utm_medium=social`,
      headline: item(1).title!,
      published: '2026-03-01',
    });
    expect(page.id).toBe(headline.id); // the same story, identified by its canonical URL
    expect(await addArticle(db, page)).toEqual({ ok: true, value: { id: page.id } });
    const stored = await db.articles.get(page.id);
    expect(stored).toMatchObject({ origin: 'user', text: page.text });
    expect(stored?.depth).toBeUndefined();
    expect(await db.articles.count()).toBe(4);
    // Now a feed brings the headline again: the whole article stays.
    expect(await insertEntries(db, [headline], 'feed')).toEqual({ ok: true, value: { added: [], skipped: 1 } });
    expect(await addArticle(db, page)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^already in the corpus/),
    });
    await consistent(db);
  });

  it('upgrades an entry fetched in full in place: same id and origin, kept from then on', async () => {
    const db = await seeded();
    const headline = entry(1);
    await insertEntries(db, [headline], 'feed');
    const addedAt = (await db.articles.get(headline.id))!.addedAt;
    const whole = { ...pageArticle({ text: `${item(1).title}\n\nThe whole story, at length.`, url: item(1).url! }) };
    expect(await upgradeEntry(db, { ...whole, id: headline.id, depth: 'full', guid: headline.guid ?? null })).toEqual({
      ok: true,
      value: { id: headline.id },
    });
    expect(await db.articles.get(headline.id)).toMatchObject({ origin: 'feed', depth: 'full', kept: true, addedAt });
    expect(await upgradeEntry(db, { ...whole, id: 'a-missing' })).toEqual({
      ok: false,
      error: 'no article a-missing in the corpus',
    });
    await consistent(db);
  });
});

describe('pruneFeedEntries', () => {
  it('deletes feed entries past retention, keeping those a note holds, the kept ones and everything else', async () => {
    const db = await seeded();
    const [old, noted, kept, fresh] = [entry(1), entry(2), entry(3), entry(4)];
    await insertEntries(db, [old, noted, kept], 'feed');
    await insertEntries(db, [entry(5)], 'shared');
    const mine = pageArticle({ text: 'Foreign ministers met in Vienna on Monday to talk about the talks.' });
    await addArticle(db, mine);
    await db.notes.add(sampleNote({ id: 'n-1', articleId: noted.id }));
    await db.articles.update(kept.id, { kept: true });
    // Forty days later a new entry arrives; the others are forty days old.
    const now = Date.now() + 40 * DAY;
    await insertEntries(db, [fresh], 'feed', { now: now - DAY });

    expect(await pruneFeedEntries(db, 30, now)).toBe(1);
    expect(await db.articles.get(old.id)).toBeUndefined();
    // Everything derived from it went with it.
    expect(await db.articleIndex.get(old.id)).toBeUndefined();
    expect(await db.heads.get(old.id)).toBeUndefined();
    expect(await db.summaries.get(old.id)).toBeUndefined();
    const left = await db.articles.where('origin').anyOf('feed', 'shared', 'user').primaryKeys();
    expect(left.sort()).toEqual([noted.id, kept.id, fresh.id, entry(5).id, mine.id].sort());
    await consistent(db);
    // Nothing is left to prune; a longer retention prunes nothing either.
    expect(await pruneFeedEntries(db, 30, now)).toBe(0);
    expect(await pruneFeedEntries(db, 365, now + 300 * DAY)).toBe(0);
  });

  it('keeps the actor counts of story matching right as entries go', async () => {
    const db = await seeded();
    const before = await db.actorStats.toArray();
    const e = entry(1, { title: 'Sergey Lavrov meets Antony Blinken in Geneva' });
    await insertEntries(db, [e], 'feed');
    expect(await db.actorStats.toArray()).not.toEqual(before);
    await pruneFeedEntries(db, 1, Date.now() + 2 * DAY);
    expect((await db.actorStats.toArray()).filter((s) => s.articles > 0)).toEqual(before.filter((s) => s.articles > 0));
  });
});
