import type { AnnotateOptions, Annotation } from '../core/types';
import type { PageInput, Reply, Request, RequestType, Result } from '../messages';
import { parseRequest } from '../messages';
import type { CorpusApi } from './corpus-service';
import type { NotesApi } from './notes-service';

/** What the handler needs from the outside world; the entry point passes the real ones. */
export interface HandlerContext {
  /** Our own extension id (runtime.id). */
  extensionId: string;
  /** Our pages' origin with a trailing slash (runtime.getURL('')): chrome-extension://ID/ or moz-extension://UUID/. */
  extensionOrigin: string;
  /** The running manifest's version. */
  version: string;
  annotate: (text: string, options: AnnotateOptions) => Annotation[];
  corpus: CorpusApi;
  notes: NotesApi;
  /** Read the active tab's article and add it (popup button). */
  addActiveTab: () => Promise<Result<{ id: string }>>;
  /** Read a tab's article and add it (the opt-in "remember what I read"). */
  addTab: (tabId: number) => Promise<Result<{ id: string }>>;
  /** Highlight the active tab once (popup button). */
  highlightActiveTab: () => Promise<Result<{ highlighted: true }>>;
  /** Highlight a tab once (the popup, for the tab it is about). */
  highlightTab: (tabId: number) => Promise<Result<{ highlighted: true }>>;
  /** Run on every page of a site whose permission was granted, or stop. */
  alwaysOnSite: (origin: string, on: boolean) => Promise<Result<{ origin: string; on: boolean }>>;
  /** The sites "always on this site" was chosen for. */
  registeredSites: () => Promise<Result<{ origins: string[] }>>;
  /** Read a tab's article without storing it. */
  readTab: (tabId: number) => Promise<Result<PageInput>>;
}

/**
 * Answers one runtime message, or returns undefined (synchronously) for a message that is
 * not ours to answer. Pure apart from what `context` does, so it is tested without a browser.
 */
export function handleMessage(
  message: unknown,
  sender: { id?: string; url?: string; tab?: { id?: number } },
  context: HandlerContext,
): Promise<Reply<RequestType>> | undefined {
  // Only our popup and content scripts may ask. onMessage should deliver nothing else,
  // but a check costs nothing and keeps a mistake elsewhere from opening the background.
  if (sender.id !== context.extensionId) return undefined;
  const parsed = parseRequest(message);
  if (!parsed.ok) return Promise.resolve(parsed);
  // A content script lives in a page we do not control: it may read and annotate, and keep
  // notes on its page, but the corpus, the settings and files are our own pages' business.
  const fromOurPage = typeof sender.url === 'string' && sender.url.startsWith(context.extensionOrigin);
  if (!fromOurPage && !CONTENT_SCRIPT_REQUESTS.has(parsed.value.type))
    return Promise.resolve({ ok: false, error: `${parsed.value.type}: not allowed from a web page` });
  // A failing handler must come back as an answer; a throw would leave the caller with
  // only "message port closed".
  return answer(parsed.value, context, sender.tab?.id).catch((error: unknown) => ({
    ok: false,
    error: error instanceof Error ? error.message : String(error),
  }));
}

/** What a content script may ask. */
const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>([
  'ping',
  'annotate-text',
  'article-read',
  'get-settings',
  'mentions-of',
  'figures-like',
  'quotes-like',
  'story-match',
  'coverage-gaps',
  'save-note',
  'delete-note',
  'notes-for',
]);

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

async function answer(
  request: Request,
  context: HandlerContext,
  tabId: number | undefined,
): Promise<Reply<RequestType>> {
  const { version, annotate, corpus, addActiveTab, addTab } = context;
  switch (request.type) {
    case 'ping':
      return ok({ version });
    case 'annotate-text':
      return ok(annotate(request.text, request.published === undefined ? {} : { published: request.published }));
    case 'corpus-status':
      return ok(await corpus.status());
    case 'mentions-of':
      return ok(await corpus.mentionsOf(request.actorId, request.excludeArticleId));
    case 'figures-like':
      return ok(await corpus.figuresLike(request.figure, request.excludeArticleId));
    case 'quotes-like':
      return ok(await corpus.quotesLike(request.text, request.excludeArticleId));
    case 'story-match':
      return corpus.storyMatch(request.page);
    case 'coverage-gaps':
      return corpus.coverageGaps(request.page);
    case 'syndication-diff':
      return corpus.syndicationDiff(request.articleId, request.otherArticleId);
    case 'add-page':
      return corpus.addPage(request.page);
    case 'import-articles':
      return corpus.importArticles(request.data, request.format);
    case 'delete-article':
      return corpus.deleteArticle(request.articleId);
    case 'add-active-tab':
      return addActiveTab();
    case 'add-tab':
      return addTab(request.tabId);
    case 'highlight-tab':
      return context.highlightTab(request.tabId);
    case 'read-tab':
      return context.readTab(request.tabId);
    case 'article-text':
      return corpus.articleText(request.articleId);
    case 'list-articles':
      return ok(await corpus.listArticles(request.query, request.offset, request.limit));
    case 'export-articles':
      return ok(await corpus.exportArticles(request.origin));
    case 'registered-sites':
      return context.registeredSites();
    case 'save-note':
      return context.notes.save(request.note);
    case 'delete-note':
      return context.notes.delete(request.id);
    case 'notes-for':
      return ok(await context.notes.notesFor(request.articleId));
    case 'export-notes':
      return context.notes.exportNotes(request.format, request.filter);
    case 'import-notes':
      return context.notes.importNotes(request.data);
    case 'highlight-active-tab':
      return context.highlightActiveTab();
    case 'always-on-site':
      return context.alwaysOnSite(request.origin, request.on);
    case 'article-read': {
      if (tabId === undefined || !(await corpus.settings()).rememberArticles) return ok({ remembered: false });
      const added = await addTab(tabId);
      return ok({ remembered: added.ok });
    }
    case 'get-settings':
      return ok(await corpus.settings());
    case 'set-settings':
      return ok(await corpus.updateSettings(request.settings));
  }
}
