// Large imports in batches: the same corpus as one transaction would store, other requests
// answered between batches, progress while it runs, a cancel and a failure part-way.
import type { Transaction } from 'dexie';
import { describe, expect, it } from 'vitest';
import { corpusService } from '../../src/background/corpus-service';
import type { CorpusDb } from '../../src/background/db';
import { handleMessage, type HandlerContext } from '../../src/background/handle-message';
import { batchesOf, importInBatches } from '../../src/background/import-job';
import { articlesFromRecords } from '../../src/background/corpus-service';
import type { ImportJob } from '../../src/messages';
import { syntheticArticles } from '../bench/synthetic-corpus';
import { freshDb } from './corpus-db';

const RECORDS = syntheticArticles(1000);
const jsonl = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n');
const build = (records: typeof RECORDS) => articlesFromRecords(records, 'user');

/** What a corpus holds, table by table (not when each row was written). */
async function contents(db: CorpusDb) {
  const [articles, summaries, heads, index, actorStats, counts] = await Promise.all([
    db.articles.orderBy('id').primaryKeys(),
    db.summaries.count(),
    db.heads.count(),
    db.articleIndex.orderBy('articleId').toArray(),
    db.actorStats.orderBy('actorId').toArray(),
    db.settings.where('key').anyOf('articleCount', 'userArticleCount').toArray(),
  ]);
  const mentions = index.reduce((n, r) => n + r.mentions.length, 0);
  const figures = index.reduce((n, r) => n + r.figures.length, 0);
  const quotes = index.reduce((n, r) => n + r.quotes.length, 0);
  return {
    articles,
    summaries,
    heads,
    indexed: index.map((r) => r.articleId),
    mentions,
    figures,
    quotes,
    actorStats,
    counts,
  };
}

/** The transactions articles are added in. */
function transactionsOf(db: CorpusDb): Set<Transaction> {
  const seen = new Set<Transaction>();
  db.articles.hook('creating', (_key, _row, transaction) => void seen.add(transaction));
  return seen;
}

/** Ask the background through the message handler, as the options page does. */
const PAGE = { id: 'ext', url: 'chrome-extension://ext/options.html' };
const asker = (db: CorpusDb) => {
  const context = {
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
    corpus: corpusService(db, Promise.resolve()),
  };
  return (message: unknown) => handleMessage(message, PAGE, context as unknown as HandlerContext)!;
};

/** Progress polled until `seen` says the import is part-way, or it ends. */
async function progressPartWay(ask: ReturnType<typeof asker>, ended: () => boolean): Promise<ImportJob | null> {
  while (!ended()) {
    const reply = await ask({ type: 'import-progress' });
    const job = reply.ok ? (reply.value as { job: ImportJob | null }).job : null;
    if (job && job.done > 0 && job.done < job.total) return job;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return null;
}

describe('importing in batches', () => {
  it('cuts batches by article count and by text size', () => {
    const records = [{ text: 'a'.repeat(5) }, { text: 'b'.repeat(5) }, { text: 'c'.repeat(20) }, { text: 'd' }];
    expect(batchesOf(records, { articles: 3, chars: 12 }).map((b) => b.length)).toEqual([2, 1, 1]);
    expect(batchesOf(records, { articles: 2, chars: 100 }).map((b) => b.length)).toEqual([2, 2]);
  });

  it('stores 1,000 articles in several transactions, with what one transaction stored, duplicates skipped', async () => {
    // Repeats: one of the file's own (in another batch) and one within the last batch.
    const file = [...RECORDS, RECORDS[3]!, RECORDS[999]!];
    const batched = freshDb();
    const transactions = transactionsOf(batched);
    const report = await importInBatches(batched, file, build);
    const whole = freshDb();
    const once = await importInBatches(whole, file, build, { articles: 10_000, chars: Number.POSITIVE_INFINITY });

    expect(transactions.size).toBe(10);
    expect(report).toEqual(once);
    expect(report.ok && report.value.added).toHaveLength(1000);
    expect(report.ok && report.value.skipped.map((s) => s.index)).toEqual([1000, 1001]);
    expect(report.ok && report.value.skipped[0]!.reason).toMatch(/^already in the corpus: "/);
    expect(await contents(batched)).toEqual(await contents(whole));
    expect(await corpusService(batched, Promise.resolve()).status()).toMatchObject({ articles: 1000, user: 1000 });
    // Importing the file again adds nothing.
    const again = await importInBatches(batched, file, build);
    expect(again.ok && again.value).toMatchObject({ added: [], skipped: expect.any(Array) });
    expect(again.ok && again.value.skipped).toHaveLength(1002);
  }, 60_000);

  it('answers other requests between batches, and shows its progress while it runs', async () => {
    const db = freshDb();
    const ask = asker(db);
    let ended = false;
    const running = ask({ type: 'import-articles', data: jsonl(RECORDS), format: 'jsonl' }).then((r) => {
      ended = true;
      return r;
    });
    const job = await progressPartWay(ask, () => ended);
    expect(job).toMatchObject({ total: 1000, cancelled: false });
    expect(job!.done % 100).toBe(0);
    expect(job!.added).toBe(job!.done);
    // Asked part-way, the status is answered before the import ends, with the batches stored so far.
    const status = await ask({ type: 'corpus-status' });
    expect(ended).toBe(false);
    const user = status.ok ? (status.value as { user: number }).user : -1;
    expect(user).toBeGreaterThanOrEqual(job!.done);
    expect(user).toBeLessThan(1000);
    expect((await running).ok).toBe(true);
    expect(await ask({ type: 'import-progress' })).toEqual({ ok: true, value: { job: null } });
  }, 60_000);

  it('stops after the current batch when cancelled, and reports what it stored', async () => {
    const db = freshDb();
    const ask = asker(db);
    expect(await ask({ type: 'cancel-import' })).toEqual({ ok: true, value: { cancelled: false } });
    let ended = false;
    const running = ask({ type: 'import-articles', data: jsonl(RECORDS), format: 'jsonl' }).then((r) => {
      ended = true;
      return r;
    });
    expect(await progressPartWay(ask, () => ended)).not.toBeNull();
    expect(await ask({ type: 'cancel-import' })).toEqual({ ok: true, value: { cancelled: true } });
    const report = await running;
    expect(report).toMatchObject({ ok: true, value: { cancelled: true } });
    const added = report.ok ? (report.value as { added: string[] }).added : [];
    expect(added.length).toBeGreaterThan(0);
    expect(added.length).toBeLessThan(1000);
    expect(added.length % 100).toBe(0);
    expect(await db.articles.count()).toBe(added.length);
    expect((await corpusService(db, Promise.resolve()).status()).user).toBe(added.length);
    expect(await ask({ type: 'import-progress' })).toEqual({ ok: true, value: { job: null } });
  }, 60_000);

  it('stops at the batch storage fails in, keeping the batches before it, and says how many', async () => {
    const db = freshDb();
    let batches = 0;
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const put = db.heads.bulkPut;
    db.heads.bulkPut = function (this: unknown, ...args: Parameters<typeof put>) {
      if (++batches === 3) throw quota;
      return put.apply(this, args);
    } as typeof put;
    const report = await importInBatches(db, RECORDS, build);
    expect(report).toEqual({
      ok: false,
      error: expect.stringMatching(/^Storage is full: the import stopped after 200 articles \(those stay; the rest/),
    });
    expect(await db.articles.count()).toBe(200);
    expect((await corpusService(db, Promise.resolve()).status()).user).toBe(200);
  }, 60_000);
});
