/**
 * The background's answers: one handler per request type of the contracts. A content script
 * is held to its contract (contracts/content-to-background.ts), our own pages to theirs; both
 * are checked on receipt, and a failing handler comes back as `{ ok: false, error }`.
 */
import type { Reply, Request, RequestType, Result } from '../messages';
import { CONTENT_REQUEST_TYPES, PAGE_REQUEST_TYPES, parseContentRequest, parsePageRequest } from '../messages';
import type { CorpusApi } from './corpus-service';
import type { FeedsApi } from './feeds/service';
import { asForeground } from './foreground';
import type { NotesApi } from './notes-service';
import type { PagesApi } from './page-service';

/** What the handler needs from the outside world; the entry point passes the real ones. */
export interface HandlerContext {
  /** Our own extension id (runtime.id). */
  extensionId: string;
  /** Our pages' origin with a trailing slash (runtime.getURL('')): chrome-extension://ID/ or moz-extension://UUID/. */
  extensionOrigin: string;
  /** The running manifest's version. */
  version: string;
  corpus: CorpusApi;
  notes: NotesApi;
  pages: PagesApi;
  /** Following the outlets' news and shared corpora. */
  feeds: FeedsApi;
  /** Fetch a feed entry's article in full and make the entry whole. */
  fullText: (articleId: string) => Promise<Result<{ id: string }>>;
  /** Highlight a tab once (the popup, for the tab it is about). */
  highlightTab: (tabId: number) => Promise<Result<{ highlighted: true }>>;
  /** Ask a tab's content script to take the reader to a highlight. */
  revealInTab: (tabId: number, kind: 'actor' | 'figure' | 'quote', id: string) => Promise<Result<{ shown: boolean }>>;
  /**
   * Get the engine ready for a page that started loading (its dictionary built): true when it
   * already was. Done after the answer, in a task of its own.
   */
  warm: () => boolean;
  /** Run on every page of a site whose permission was granted, or stop. */
  alwaysOnSite: (origin: string, on: boolean) => Promise<Result<{ origin: string; on: boolean }>>;
  /** The sites "always on this site" was chosen for. */
  registeredSites: () => Promise<Result<{ origins: string[] }>>;
}

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

type Handler<K extends RequestType> = (
  request: Extract<Request, { type: K }>,
  context: HandlerContext,
  tabId: number | undefined,
) => Promise<Reply<K>>;

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/**
 * The requests that start the background's own long work: they run behind the others
 * (foreground.ts), which a reader is waiting on.
 */
const BACKGROUND_WORK: ReadonlySet<RequestType> = new Set<RequestType>([
  'import-articles',
  'import-notes',
  'poll-now',
  'subscribe-corpus',
  'fetch-full-text',
]);

/** One handler per request type: the record's type makes a missing one a compile error. */
export const HANDLERS: { [K in RequestType]: Handler<K> } = {
  ping: async (_, c) => ok({ version: c.version }),
  wake: async (_, c) => ok({ ready: c.warm() }),
  'read-page': (r, c, tabId) => c.pages.readPage(r.page, tabId),
  'extract-article': (_, c, tabId) => c.pages.articleTextOfTab(tabId),
  'annotate-text': async (r, c) => ok(await c.pages.annotateText(r.text, r.published, r.articleId)),
  'page-of-tab': (r, c) => c.pages.pageOfTab(r.tabId, r.url),
  'corpus-status': async (_, c) => ok(await c.corpus.status()),
  'mentions-of': async (r, c) => ok(await c.corpus.mentionsOf(r.actorId, r.excludeArticleId)),
  'figures-like': async (r, c) => ok(await c.corpus.figuresLike(r.figure, r.excludeArticleId)),
  'quotes-like': async (r, c) => ok(await c.corpus.quotesLike(r.text, r.excludeArticleId)),
  'story-match': (r, c) => c.pages.storyOf(r.articleId),
  'coverage-gaps': (r, c) => c.pages.coverageGapsOf(r.articleId),
  'syndication-diff': (r, c) => c.corpus.syndicationDiff(r.articleId, r.otherArticleId),
  'add-page': (r, c) => c.pages.addPage(r.articleId),
  'fetch-full-text': (r, c) => c.fullText(r.articleId),
  'import-articles': (r, c) => c.corpus.importArticles(r.data, r.format, r.firstLine),
  'import-progress': async (_, c) => ok({ job: await c.corpus.importProgress() }),
  'cancel-import': async (_, c) => ok({ cancelled: await c.corpus.cancelImport() }),
  'delete-article': (r, c) => c.corpus.deleteArticle(r.articleId),
  'highlight-tab': async (r, c) => {
    const done = await c.highlightTab(r.tabId);
    // Answer once the page has been read, so the popup shows that reading.
    return done.ok ? ok({ highlighted: true as const, articleId: await c.pages.awaitTab(r.tabId) }) : done;
  },
  'reveal-in-tab': (r, c) => c.revealInTab(r.tabId, r.kind, r.id),
  'article-text': (r, c) => c.pages.articleText(r.articleId),
  'list-articles': async (r, c) => ok(await c.corpus.listArticles(r.query, r.offset, r.limit)),
  'export-articles': async (r, c) => ok(await c.corpus.exportArticles(r.origin, r.after)),
  'registered-sites': (_, c) => c.registeredSites(),
  'save-note': (r, c) => c.notes.save(r.note),
  'delete-note': (r, c) => c.notes.delete(r.id),
  'notes-for': async (r, c) => ok(await c.notes.notesFor(r.articleId)),
  'page-notes': (r, c) => c.pages.pageNotes(r.articleId),
  'export-notes': (r, c) => c.notes.exportNotes(r.format, r.filter),
  'export-page': (r, c) => c.pages.exportPage(r.articleId, r.kind),
  'import-notes': (r, c) => c.notes.importNotes(r.data),
  'always-on-site': (r, c) => c.alwaysOnSite(r.origin, r.on),
  'get-settings': async (_, c) => ok(await c.corpus.settings()),
  'set-settings': async (r, c) => ok(await c.corpus.updateSettings(r.settings)),
  'get-following': async (_, c) => ok(await c.feeds.following()),
  'set-following': async ({ type: _, ...changes }, c) => ok(await c.feeds.setFollowing(changes)),
  'add-feed': (r, c) => c.feeds.addFeed(r.url, r.outlet),
  'remove-feed': (r, c) => c.feeds.removeFeed(r.url),
  'import-opml': (r, c) => c.feeds.importOpml(r.data),
  'export-opml': async (_, c) => ok(await c.feeds.exportOpml()),
  'poll-now': (_, c) => c.feeds.pollNow(),
  'subscribe-corpus': (r, c) => c.feeds.subscribe(r.url),
  'unsubscribe-corpus': (r, c) => c.feeds.unsubscribe(r.url),
};

/**
 * Answers one runtime message, or returns undefined (synchronously) for a message that is
 * not ours to answer. Pure apart from what `context` does, so it is tested without a browser.
 */
export function handleMessage(
  message: unknown,
  sender: Sender,
  context: HandlerContext,
): Promise<Reply<RequestType>> | undefined {
  // Only our pages and content scripts may ask. onMessage should deliver nothing else,
  // but a check costs nothing and keeps a mistake elsewhere from opening the background.
  if (sender.id !== context.extensionId) return undefined;
  // A content script lives in a page we do not control: it is held to its own contract.
  const fromOurPage = typeof sender.url === 'string' && sender.url.startsWith(context.extensionOrigin);
  const parsed = fromOurPage ? parsePageRequest(message) : parseContentRequest(message);
  if (!parsed.ok) {
    // A request of our pages' contract, from a content script, is refused as such, well formed or not.
    const type = String((message as { type?: unknown } | null)?.type);
    const is = (types: readonly string[]) => types.includes(type);
    const pageOnly = !fromOurPage && is(PAGE_REQUEST_TYPES) && !is(CONTENT_REQUEST_TYPES);
    return Promise.resolve({ ok: false, error: pageOnly ? `${type}: not allowed from a web page` : parsed.error });
  }
  const request = parsed.value;
  const handler = HANDLERS[request.type] as Handler<RequestType>;
  // A failing handler must come back as an answer; a throw would leave the caller with
  // only "message port closed".
  const answer = () => handler(request, context, sender.tab?.id);
  return (BACKGROUND_WORK.has(request.type) ? answer() : asForeground(answer)).catch((error: unknown) => ({
    ok: false,
    error: error instanceof Error ? error.message : String(error),
  }));
}
