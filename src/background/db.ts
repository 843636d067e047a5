import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import type { CorpusArticle } from '../core/corpus/types';
import type { FigureAnnotation, QuoteAnnotation } from '../core/types';
import type { ArticleSummary } from '../core/match';
import type { Note } from '../core/notes/types';
import type { FeedStatus } from '../messages';
import { quoteShingles, summarize } from '../core/match';
import { indexRows } from './index-rows';

/** A stored article: the corpus article plus when it was added and its matching summary. */
export interface ArticleRow extends CorpusArticle {
  addedAt: number;
  /** The reader kept this feed entry (added its page, or had it fetched whole): retention never prunes it. */
  kept?: boolean;
}

/** What story matching reads: kept apart from the articles so a match loads kilobytes, not megabytes. */
export type SummaryRow = ArticleSummary;

/** Where a row comes from, copied into it so queries sort and group without loading articles. */
interface RowSource {
  articleId: string;
  outlet: string;
  /** YYYY-MM-DD, or '' when unknown (sorts as oldest). */
  published: string;
}

/** One sentence of an article that names an actor, with its text, so cards need no article. */
export interface MentionEntry {
  actorId: string;
  /** Index into the article's sentences. */
  sentence: number;
  /** The sentence's text: its index in the record's `texts` (records written before them held `sentenceText`). */
  text?: number;
  sentenceText?: string;
  /** How the sentence writes the actor ("Sergei Lavrov", "Lavrov"). */
  forms: string[];
}

/** A figure with what cards show of it: what it counts and what it is about ('' when unnamed). */
export interface FigureEntry {
  counts: string;
  subject: string;
  figure: FigureAnnotation;
  /** The text of the sentence that gives it, as for a mention. */
  text?: number;
  sentenceText?: string;
}

/** A quote with its speaker and its word 3-gram hashes, for near-duplicate lookup. */
export interface QuoteEntry {
  quote: QuoteAnnotation;
  shingles: number[];
}

/**
 * Everything the queries look up in one article, as one record: who it names in which
 * sentence, its figures, its quotes. One record per article, its keys in multi-entry indexes,
 * because IndexedDB charges by the record: as separate records (version 4), an article's
 * mentions, figures and quotes took 7 of the 9 s of writing 2,000 articles (docs/following.md).
 */
export interface IndexRow extends RowSource {
  /** [actorId, published, articleId] for each actor it names: an actor's articles in date order. */
  actorKeys: [string, string, string][];
  /** [counts, subject, published] for each of its figures. */
  figureKeys: [string, string, string][];
  /** The word 3-gram hashes of all its quotes. */
  shingles: number[];
  mentions: MentionEntry[];
  figures: FigureEntry[];
  quotes: QuoteEntry[];
  /**
   * The sentences its mentions and figures cite, each once. Records written before it (until
   * December 2026) have none, and each entry holds its sentence's text: a sentence naming five
   * actors five times, which made a long article's record three times its size. They are read
   * as they are, not rewritten: at 100,000 articles that took Chromium 110 s at start.
   */
  texts?: string[];
}

/** The text of the sentence an index record's mention or figure cites, in either form. */
export const citedText = (row: IndexRow, entry: MentionEntry | FigureEntry): string =>
  entry.text !== undefined ? (row.texts?.[entry.text] ?? '') : (entry.sentenceText ?? '');

/** The few fields a card shows of an article, to avoid loading its text and annotations. */
export interface HeadRow {
  id: string;
  outlet: string;
  published: string | null;
  headline: string | null;
  url: string | null;
  /** The first paragraph, clipped: what the popup's story list shows (absent in rows stored before it was kept). */
  lead?: string | null;
  /** Where the article came from, for the corpus list (absent in rows stored before version 4). */
  origin?: CorpusArticle['origin'];
  /** 'headline' for a feed item's headline and summary only; absent for a full article. */
  depth?: 'headline';
}

/** How many stored articles name each actor: the rarity weight of story matching. */
export interface ActorStatRow {
  actorId: string;
  articles: number;
}

/** Version 1's placeholder for the reader's notes (no release wrote to it; version 2 moves any rows to `notes`). */
export interface UserAnnotationRow {
  id?: number;
  articleId: string | null;
  url: string;
  createdAt: number;
  [field: string]: unknown;
}

/**
 * The background's one reading of a page a content script (or the extractor) sent: the page
 * as one article (its text verbatim, annotated and identified) and its matching summary.
 * Kept so that the popup, "Add this page", notes and exports refer to the page by its id, and
 * a service worker stopped in between still finds it.
 */
export interface ReadingRow {
  articleId: string;
  article: CorpusArticle;
  summary: ArticleSummary;
  source: 'page' | 'extractor';
  /** Date.now() when it was read: the oldest readings go first. */
  readAt: number;
}

/** Which page a tab shows: the reading its content script sent last. */
export interface TabRow {
  tabId: number;
  articleId: string;
  /** The address the page was read at (without its fragment). */
  url: string | null;
}

/**
 * A followed feed, or a subscribed shared corpus (a JSON Lines file polled like a feed): what
 * the options page is shown of it (its status), and what only the polls read.
 */
export interface FeedRow extends FeedStatus {
  /** The validators of the last full answer, sent back as If-None-Match / If-Modified-Since. */
  etag: string | null;
  lastModified: string | null;
  /** Hash of the last body read: an unchanged body from a server without validators is not parsed again. */
  bodyHash?: string | null;
  /**
   * The keys (feedItemKey) of the items its last stored body listed, in order: each was built
   * and stored, or skipped, then, so the next poll builds only the others. Written with the
   * validators, by the poll's last write.
   */
  seenItems?: string[];
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/**
 * The corpus database, in the extension's own origin and opened only by the background.
 * Index only what is queried. A schema change is a new `version(n)`, with an upgrade
 * function and a test that opens a database written by version n-1.
 */
export class CorpusDb extends Dexie {
  articles!: Table<ArticleRow, string>;
  summaries!: Table<SummaryRow, string>;
  heads!: Table<HeadRow, string>;
  articleIndex!: Table<IndexRow, string>;
  actorStats!: Table<ActorStatRow, string>;
  notes!: Table<Note, string>;
  settings!: Table<SettingRow, string>;
  readings!: Table<ReadingRow, string>;
  tabs!: Table<TabRow, number>;
  feeds!: Table<FeedRow, string>;
  /**
   * How many writes to the corpus this instance has issued: an answer computed from the
   * corpus at one count still holds at the same count. Counted when a write is issued, so an
   * answer whose reads began before it no longer counts, even if they read the old rows.
   */
  generation = 0;
  /** The same count for the writes to the pages read and their tabs (`readings`, `tabs`). */
  readingsGeneration = 0;

  constructor(name = 'crosswire', options?: DexieOptions) {
    super(name, options);
    // Dexie's live queries, which nothing here uses (only the background opens the database,
    // and it answers messages): for a write of fewer than 50 rows, its Observability layer
    // works out every index key the write touches and posts them to a BroadcastChannel when
    // the transaction commits. A poll of 50 feeds, written in chunks of 20 entries, cost the
    // background 3.8-3.9 s of CPU with it and 3.3 s without (poll bench, two rounds).
    this.unuse({ stack: 'dbcore', name: 'Observability' });
    this.unuse({ stack: 'dbcore', name: 'Cache' });
    this.use({
      stack: 'dbcore',
      name: 'write-counts',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          const corpus = CORPUS_TABLES.has(tableName);
          if (!corpus && !READING_TABLES.has(tableName)) return table;
          return {
            ...table,
            mutate: (request) => {
              if (corpus) this.generation++;
              else this.readingsGeneration++;
              return table.mutate(request);
            },
          };
        },
      }),
    });
    this.version(1).stores({
      articles: '&id, canonicalUrl, contentHash, origin, published, outlet',
      summaries: '&id',
      heads: '&id',
      mentions: '++id, [actorId+published+articleId], articleId',
      figures: '++id, [counts+subject+published], articleId',
      quotes: '++id, *shingles, articleId',
      actorStats: '&actorId',
      annotations: '++id, articleId, url, createdAt',
      settings: '&key',
    });
    // Version 2: the reader's notes, keyed by their own stable id (so an import never
    // duplicates one), found by article, date and tag.
    this.version(2)
      .stores({ notes: '&id, articleId, modified, *tags', annotations: null })
      .upgrade(async (tx) => {
        const old = await tx.table<UserAnnotationRow, number>('annotations').toArray();
        const notes = old.filter(isNoteShaped).map((row) => ({ ...(row as unknown as Note) }));
        if (notes.length) await tx.table<Note, string>('notes').bulkPut(notes);
      });
    // Version 3: the pages read in the browser, by article id and by tab (nothing to move).
    this.version(3).stores({ readings: '&articleId, readAt', tabs: '&tabId, articleId' });
    // Version 4: followed feeds and shared corpora; articles found by their feed GUID, and feed
    // entries by when they arrived (retention). Nothing to move: older articles have neither.
    this.version(4).stores({
      articles: '&id, canonicalUrl, contentHash, origin, published, outlet, guid, [origin+addedAt]',
      feeds: '&url, kind',
    });
    // Version 5: one index record per article in place of a record per mention, figure and
    // quote (most of an import's write time). The records are derived data, built again from
    // the stored articles.
    this.version(5)
      .stores({
        articleIndex: '&articleId, *actorKeys, *figureKeys, *shingles',
        mentions: null,
        figures: null,
        quotes: null,
      })
      .upgrade(rebuildIndexRows);
    // Version 6: summaries keep a sketch of the text's 5-word sequences (how much of a shorter
    // text a longer holds: a shortened wire copy). Built again from the stored articles, which
    // keep their text and annotations; no table or index changes.
    this.version(6)
      .stores({})
      .upgrade(async (tx) => {
        const articles = tx.table<ArticleRow, string>('articles');
        const summaries = tx.table<SummaryRow, string>('summaries');
        const ids = await articles.toCollection().primaryKeys();
        for (let i = 0; i < ids.length; i += 200) {
          const batch = await articles.bulkGet(ids.slice(i, i + 200));
          await summaries.bulkPut(batch.flatMap((a) => (a ? [summarize(a)] : [])));
        }
      });
  }
}

/** Build every index record again from the stored articles (derived data), a few hundred at a time. */
async function rebuildIndexRows(tx: Transaction): Promise<void> {
  const articles = tx.table<ArticleRow, string>('articles');
  const index = tx.table<IndexRow, string>('articleIndex');
  const ids = await articles.toCollection().primaryKeys();
  // A few hundred at a time: a large corpus is never all in memory at once.
  for (let i = 0; i < ids.length; i += 200) {
    const batch = await articles.bulkGet(ids.slice(i, i + 200));
    await index.bulkPut(batch.flatMap((a) => (a ? [indexRows(a, quoteShingles).row] : [])));
  }
}

/** A version-1 row that already has a note's shape (its own string id and target) is kept. */
function isNoteShaped(row: UserAnnotationRow): boolean {
  const r = row as unknown as Partial<Note>;
  return typeof r.id === 'string' && typeof r.articleId === 'string' && typeof r.target?.exact === 'string';
}

/** The tables that the corpus's answers read (the stored articles, their index and counts). */
const CORPUS_TABLES: ReadonlySet<string> = new Set([
  'articles',
  'summaries',
  'heads',
  'articleIndex',
  'actorStats',
  'settings',
]);

/** The pages read in the browser and which tab shows which. */
const READING_TABLES: ReadonlySet<string> = new Set(['readings', 'tabs']);

/** Every table, for transactions that touch the whole corpus. */
export const ALL_TABLES = [
  'articles',
  'summaries',
  'heads',
  'articleIndex',
  'actorStats',
  'notes',
  'settings',
  'feeds',
] as const;
