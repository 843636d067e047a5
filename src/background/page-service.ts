/**
 * The pages read in the browser, owned here: each is read once (cleaned of nothing, annotated,
 * summarised and identified), kept by article id and by tab, and from then on referred to by
 * its id. The popup asks for its tab's page, story matching, "Add this page", the page's notes
 * and its exports take the id, and the extractor runs only on a tab no content script read.
 */
import { annotate } from '../core/annotate';
import { annotateInContext } from '../core/annotate-in-context';
import { pageArticle } from '../core/corpus/page-article';
import { outletProfile } from '../core/corpus/outlets';
import type { CorpusArticle } from '../core/corpus/types';
import type { CoverageGaps } from '../core/match';
import { anchorNote } from '../core/notes/anchor';
import type { Annotation } from '../core/types';
import type {
  ArticleText,
  ExportFile,
  PageExportKind,
  PageInput,
  PageNotes,
  PageReading,
  TabPage,
  Result,
  StoryVersion,
} from '../messages';
import type { CorpusApi } from './corpus-service';
import { addArticle } from './corpus-store';
import type { CorpusDb, ReadingRow } from './db';
import { articleText } from './library';
import { notesFor } from './notes-store';
import { pageExport } from './page-export';
import { coverageGapsOfStory, outletRef } from './queries';
import { keepReading, readingOf, readingOfTab } from './readings';

export interface PagesApi {
  /** A content script's page: read it once, keep it, answer with the reading (and remember it if the reader opted in). */
  readPage(page: PageInput, tabId: number | undefined): Promise<Result<PageReading>>;
  /**
   * Text a page added after its reading, annotated as of the page's date: as the next paragraph
   * of the page `articleId` when its reading is kept, else alone. Offsets are into `text`.
   */
  annotateText(text: string, published: string | undefined, articleId?: string): Promise<Annotation[]>;
  /** The article text of a content script's tab, read by the extractor (the page marks no body). */
  articleTextOfTab(tabId: number | undefined): Promise<Result<{ text: string }>>;
  /** The reading of a tab's page; the extractor reads it only when nothing did. */
  pageOfTab(tabId: number, url?: string): Promise<Result<TabPage>>;
  /** The reading a tab got once it has been highlighted, waiting for its content script to send it. */
  awaitTab(tabId: number): Promise<string | null>;
  /** Store a kept reading in the corpus. */
  addPage(articleId: string): Promise<Result<{ id: string }>>;
  /** Store a tab's page (context menu): its reading, or the extractor's. */
  addTab(tabId: number): Promise<Result<{ id: string }>>;
  /**
   * The stored versions of the story of a page or article. A page read in a tab (stored or
   * not) has its answer worked out once it is read, before the reader opens the popup, and
   * kept until the corpus or the page's reading changes.
   */
  storyOf(articleId: string): Promise<Result<StoryVersion[]>>;
  /** What the other versions of the story carry that the page leaves out, and the reverse: a read page's from its story. */
  coverageGapsOf(articleId: string): Promise<Result<CoverageGaps>>;
  articleText(articleId: string): Promise<Result<ArticleText>>;
  pageNotes(articleId: string): Promise<Result<PageNotes>>;
  exportPage(articleId: string, kind: PageExportKind): Promise<Result<ExportFile>>;
}

/** Reads a tab's article with the injected extractor (read-tab.ts). */
export type Extract = (tabId: number) => Promise<Result<PageInput>>;

const notFound = (articleId: string) => ({ ok: false as const, error: `no page or article ${articleId}` });

/** A read page's story as it is kept: the reading and the corpus it was worked out from, and the answer once there. */
interface KeptStory {
  readAt: number;
  generation: number;
  versions: Promise<StoryVersion[]>;
  done?: StoryVersion[];
}

/** How many pages' stories are kept worked out: the pages the reader read last. */
const KEPT_STORIES = 20;

export function pageService(
  db: CorpusDb,
  ready: Promise<unknown>,
  corpus: CorpusApi,
  extract: Extract,
  /** `now` dates the exports (injected so they are reproducible in tests). */
  options: {
    pollMs?: number;
    waitMs?: number;
    now?: () => Date;
    /** Run after a content script's page is kept, with the page's story (worked out once). */
    afterRead?: (story: () => Promise<StoryVersion[]>) => void;
  } = {},
): PagesApi {
  /**
   * The readings being written. The content script that sent a page gets its annotations
   * without waiting for the write (25 ms in Chromium's worker, over 100 at times, all of it
   * before the page's first highlight); every other request waits for them, so none finds a
   * page missing or half kept.
   */
  let writing: Promise<unknown> = Promise.resolve();
  const after = <T>(f: () => Promise<T>) => ready.then(() => writing).then(f);
  const { pollMs = 100, waitMs = 10_000, now = () => new Date() } = options;

  /** What story matching and coverage gaps compare for a kept reading: the stored article's summary first, as for any stored page. */
  const comparedSummary = async (reading: ReadingRow) => (await db.summaries.get(reading.articleId)) ?? reading.summary;

  /** Each kept reading's story, by article id, with the reading and the corpus it was worked out from. */
  const stories = new Map<string, KeptStory>();
  /** Whether a kept story still holds for `reading`: worked out from it, and from the corpus as it is. */
  const holds = (known: KeptStory | undefined, reading: ReadingRow): known is KeptStory =>
    !!known && known.readAt === reading.readAt && known.generation === db.generation;
  /** A kept reading's story if it is worked out and still holds, without waiting for one being worked out. */
  const storyIfReady = (reading: ReadingRow): StoryVersion[] | undefined => {
    const known = stories.get(reading.articleId);
    return holds(known, reading) ? known.done : undefined;
  };
  const storyOfReading = (reading: ReadingRow): Promise<StoryVersion[]> => {
    const known = stories.get(reading.articleId);
    if (holds(known, reading)) return known.versions;
    // Counted before the reads begin: a write issued meanwhile makes this answer old.
    const generation = db.generation;
    const versions = comparedSummary(reading).then((page) => corpus.storyMatchOf(page));
    const entry: KeptStory = { readAt: reading.readAt, generation, versions };
    stories.delete(reading.articleId);
    stories.set(reading.articleId, entry);
    // The answer is kept for the popup's page (storyIfReady); a failed one is not kept at all.
    versions.then(
      (done) => (entry.done = done),
      () => stories.get(reading.articleId) === entry && stories.delete(reading.articleId),
    );
    // The oldest story goes past KEPT_STORIES.
    for (const id of stories.keys()) if (stories.size > KEPT_STORIES) stories.delete(id);
    return versions;
  };

  const readingReply = async (a: CorpusArticle, source: ReadingRow['source']): Promise<PageReading> => {
    return {
      articleId: a.id,
      canonical: a.canonicalUrl,
      url: a.url,
      headline: a.headline,
      published: a.published,
      outlet: { id: a.outlet, name: outletProfile(a.outlet)?.name ?? a.outlet },
      annotations: a.annotations,
      length: a.text.length,
      source,
      // Its key only: a stored article's row holds its whole text.
      stored: (await db.articles.where(':id').equals(a.id).count()) > 0,
    };
  };

  /** A kept reading's reply, with the corpus count it was worked out at (whether it is stored depends on the corpus). */
  const replies = new WeakMap<ReadingRow, { generation: number; reply: Promise<PageReading> }>();
  const replyOf = (reading: ReadingRow): Promise<PageReading> => {
    const known = replies.get(reading);
    if (known?.generation === db.generation) return known.reply;
    const entry = { generation: db.generation, reply: readingReply(reading.article, reading.source) };
    replies.set(reading, entry);
    entry.reply.catch(() => replies.get(reading) === entry && replies.delete(reading));
    return entry.reply;
  };

  const read = async (article: CorpusArticle, source: ReadingRow['source'], tabId: number | undefined) => {
    const row = await keepReading(db, article, source, tabId);
    // "Remember what I read" stores the reading itself: the text the highlights were made on.
    if (source === 'page' && (await corpus.settings()).rememberArticles) await addArticle(db, row.article);
    if (source === 'page') {
      // Worked out now, while the reader reads: the popup shows it at once. The page's
      // highlights have their answer already.
      const story = storyOfReading(row);
      story.catch(() => undefined);
      // What else the reader opted in to on a page read (fetching its best matches in full).
      options.afterRead?.(() => story);
    }
    return row;
  };

  /** A stored article, else a kept reading. */
  const articleById = async (articleId: string): Promise<CorpusArticle | undefined> =>
    (await db.articles.get(articleId)) ?? (await readingOf(db, articleId))?.article;

  const api: PagesApi = {
    readPage: (page, tabId) =>
      ready.then(async () => {
        const article = pageArticle(page);
        // A content script's reading is always the one kept (only the extractor's can yield), so
        // the answer does not depend on the write. A write that fails leaves the page
        // highlighted, and the popup reads the page again.
        const kept = read(article, 'page', tabId).catch((error: unknown) =>
          console.error('Crosswire: keeping a page’s reading failed', error),
        );
        writing = Promise.all([writing, kept]);
        return { ok: true, value: await readingReply(article, 'page') };
      }),
    annotateText: (text, published, articleId) =>
      after(async () => {
        // The reading only adds context: storage that fails to give it leaves the text annotated alone.
        const reading = articleId === undefined ? undefined : await readingOf(db, articleId).catch(() => undefined);
        // The page's date, else the one its reading was annotated at.
        const date = published ?? reading?.article.published;
        const annotateAt = (t: string) => annotate(t, date ? { published: date } : {});
        return reading ? annotateInContext(reading.article.text, text, annotateAt) : annotateAt(text);
      }),
    articleTextOfTab: async (tabId) => {
      if (tabId === undefined) return { ok: false, error: 'no tab to read' };
      const page = await extract(tabId);
      return page.ok ? { ok: true, value: { text: page.value.text } } : page;
    },
    pageOfTab: (tabId, url) =>
      after(async (): Promise<Result<TabPage>> => {
        const kept = await readingOfTab(db, tabId, url);
        // The story comes along when it is worked out already: the popup then asks nothing more.
        const story = kept && storyIfReady(kept);
        if (kept) return { ok: true, value: { ...(await replyOf(kept)), ...(story && { story }) } };
        const page = await extract(tabId);
        if (!page.ok) return page;
        const row = await read(pageArticle(page.value), 'extractor', tabId);
        return { ok: true, value: await readingReply(row.article, row.source) };
      }),
    awaitTab: async (tabId) => {
      // Taken first: a reading that lands while `before` is being read still counts as new.
      const startedAt = Date.now();
      const before = (await db.tabs.get(tabId))?.articleId;
      // The content script reads the page, then sends it once; the popup waits for that reading.
      for (;;) {
        await writing;
        const row = await db.tabs.get(tabId);
        const reading = row && (await readingOf(db, row.articleId));
        if (reading && (row.articleId !== before || reading.readAt >= startedAt)) return row.articleId;
        if (Date.now() - startedAt > waitMs) return row?.articleId ?? null;
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    },
    addPage: (articleId) =>
      after(async () => {
        const reading = await readingOf(db, articleId);
        if (!reading) return notFound(articleId);
        return addArticle(db, reading.article);
      }),
    addTab: async (tabId) => {
      const page = await api.pageOfTab(tabId);
      return page.ok ? api.addPage(page.value.articleId) : page;
    },
    storyOf: (articleId) =>
      after(async (): Promise<Result<StoryVersion[]>> => {
        // A page the reader read has its story worked out already; an article only stored is matched now.
        const reading = await readingOf(db, articleId);
        if (reading) return { ok: true, value: await storyOfReading(reading) };
        const stored = await db.summaries.get(articleId);
        return stored ? { ok: true, value: await corpus.storyMatchOf(stored) } : notFound(articleId);
      }),
    coverageGapsOf: (articleId) =>
      after(async (): Promise<Result<CoverageGaps>> => {
        // A read page's versions are in its story, worked out already; an article only stored is matched now.
        const reading = await readingOf(db, articleId);
        if (reading) {
          const [page, story] = await Promise.all([comparedSummary(reading), storyOfReading(reading)]);
          return { ok: true, value: await coverageGapsOfStory(db, page, story) };
        }
        const stored = await db.summaries.get(articleId);
        return stored ? { ok: true, value: await corpus.coverageGapsOf(stored) } : notFound(articleId);
      }),
    articleText: (articleId) =>
      after(async (): Promise<Result<ArticleText>> => {
        const stored = await articleText(db, articleId);
        if (stored) return { ok: true, value: stored };
        const reading = await readingOf(db, articleId);
        if (!reading) return notFound(articleId);
        const a = reading.article;
        const { outlet, published, headline, url, wire, text, blocks, annotations } = a;
        return {
          ok: true,
          value: { articleId, outlet: outletRef(outlet), published, headline, url, wire, text, blocks, annotations },
        };
      }),
    pageNotes: (articleId) =>
      after(async (): Promise<Result<PageNotes>> => {
        const article = await articleById(articleId);
        if (!article) return notFound(articleId);
        const notes = await notesFor(db, articleId);
        return {
          ok: true,
          value: { notes: notes.map((note) => ({ note, at: anchorNote(article.text, note.target) })) },
        };
      }),
    exportPage: (articleId, kind) =>
      after(async (): Promise<Result<ExportFile>> => {
        const article = await articleById(articleId);
        if (!article) return notFound(articleId);
        const notes = await notesFor(db, articleId);
        const placed = notes.map((note) => ({ note, at: anchorNote(article.text, note.target) }));
        const story = await api.storyOf(articleId);
        const versions = story.ok ? story.value.filter((v) => v.label !== 'unrelated') : [];
        const exclude = articleId;
        const file = await pageExport(
          kind,
          {
            article,
            notes: placed.filter((p) => p.at.state === 'anchored').map((p) => p.note),
            orphans: placed.filter((p) => p.at.state === 'orphan').map((p) => p.note),
            versions,
          },
          {
            mentionsOf: (actorId) => corpus.mentionsOf(actorId, exclude),
            figuresLike: (figure) => corpus.figuresLike(figure, exclude),
            quotesLike: (text) => corpus.quotesLike(text, exclude),
            outletName: (id) => outletProfile(id)?.name ?? id,
          },
          now(),
        );
        return { ok: true, value: file };
      }),
  };
  return api;
}
