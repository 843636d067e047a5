/**
 * The contract from our own pages (the popup and the options page) to the background. They
 * refer to a page by its article id or its tab: the background owns each page's reading.
 */
import * as v from 'valibot';
import { parseWith, type Result, request, typesOf } from './check';
import { SHARED_REQUESTS } from './shared-requests';
import {
  bool,
  count,
  ExportFormatSchema,
  FEED_URL,
  FollowingPatchSchema,
  id,
  MAX_IMPORT_LENGTH,
  NoteFilterSchema,
  ORIGIN,
  PageExportKindSchema,
  SettingsPatchSchema,
  tabId,
  text,
} from './values';

export const PageRequestSchema = v.variant('type', [
  ...SHARED_REQUESTS,
  request('corpus-status', {}),
  /**
   * The reading of the page in a tab: the one its content script sent, or, only when no
   * content script read it, one the background makes now with its extractor. `url` is the
   * tab's address as the popup sees it, so a tab that moved on is not shown its old page.
   */
  request('page-of-tab', { tabId, url: v.optional(text(2048)) }),
  /** Stored articles (or kept readings) ranked as versions of the page's story. */
  request('story-match', { articleId: id }),
  /** What the other versions carry that the page doesn't, and the reverse. */
  request('coverage-gaps', { articleId: id }),
  request('syndication-diff', { articleId: id, otherArticleId: id }),
  /** Store a kept reading in the corpus: the same text its highlights and notes were made on. */
  request('add-page', { articleId: id }),
  /** Fetch a feed entry's article in full (no cookies) and make the entry whole; says why when it cannot. */
  request('fetch-full-text', { articleId: id }),
  /** Articles from a file, or from one part of a JSON Lines file whose first line is `firstLine`. */
  request('import-articles', {
    data: text(MAX_IMPORT_LENGTH),
    format: v.optional(v.picklist(['json', 'jsonl'], 'must be one of json, jsonl')),
    firstLine: v.optional(count(2 ** 31)),
  }),
  /** How far the running article import is (its batches stored of all), or null when none runs. */
  request('import-progress', {}),
  /** Stop the running article import after its current batch; the batches stored stay. */
  request('cancel-import', {}),
  request('delete-article', { articleId: id }),
  /** Highlight a tab once (the popup's button); answers when the page has been read. */
  request('highlight-tab', { tabId }),
  /** Take the reader to a highlight on the tab's page (an actor by id, a figure or quote by annotation id). */
  request('reveal-in-tab', {
    tabId,
    kind: v.picklist(['actor', 'figure', 'quote'], 'must be one of actor, figure, quote'),
    id: text(300),
  }),
  /** A stored article's or kept reading's text, structure and annotations (the side-by-side view). */
  request('article-text', { articleId: id }),
  /** Stored articles, newest first, optionally those matching words or naming an actor (the options page). */
  request('list-articles', {
    query: v.optional(text(200)),
    offset: v.optional(count(1_000_000)),
    limit: v.optional(count(500)),
  }),
  /**
   * Stored articles in the import format, so a corpus moves between browsers: one page of
   * JSON Lines, the one after the article `after` (the previous page's `next`).
   */
  request('export-articles', {
    origin: v.optional(v.picklist(['user', 'all'], 'must be one of user, all')),
    after: v.optional(id),
  }),
  /** The sites the reader let Crosswire run on every page of ("always on this site"). */
  request('registered-sites', {}),
  /** The page's notes, each found again in its text (or listed as an orphan). */
  request('page-notes', { articleId: id }),
  /** The notes (all, or those a filter selects) as a file: JSON-LD, CSV, or a full backup. */
  request('export-notes', { format: ExportFormatSchema, filter: v.optional(NoteFilterSchema) }),
  /** This page's annotations, cross-references and notes as a file. */
  request('export-page', { articleId: id, kind: PageExportKindSchema }),
  /** Import notes (Crosswire JSON-LD, a Hypothesis export) or restore a backup. */
  request('import-notes', { data: text(MAX_IMPORT_LENGTH) }),
  /** Run on every page of a site from now on (its permission was just granted), or stop. */
  request('always-on-site', { origin: ORIGIN, on: bool }),
  request('set-settings', { settings: SettingsPatchSchema }),
  // Following the outlets' news (the options page). The page asks for the feed hosts'
  // permissions in the click that turns it on; the background gives them back when it goes off.
  /** The following settings, each feed's and shared corpus's status, and the storage used. */
  request('get-following', {}),
  /** Change the following settings: on schedules the polls, off stops all fetching. */
  request('set-following', FollowingPatchSchema.entries),
  /** Follow a feed; its entries are credited to `outlet` (else the outlet of its host). */
  request('add-feed', { url: FEED_URL, outlet: v.optional(text(255)) }),
  /** Stop following a feed; the entries it added stay until retention prunes them. */
  request('remove-feed', { url: FEED_URL }),
  /** Follow the feeds of an OPML file (those not followed yet). */
  request('import-opml', { data: text(5_000_000) }),
  /** The followed feeds as an OPML file. */
  request('export-opml', {}),
  /** Poll every feed and shared corpus that is not backing off, now. */
  request('poll-now', {}),
  /** Subscribe to a shared corpus (a JSON Lines file in the import format) and import it now. */
  request('subscribe-corpus', { url: FEED_URL }),
  /** Stop following a shared corpus; the articles it added stay. */
  request('unsubscribe-corpus', { url: FEED_URL }),
]);

export type PageRequest = v.InferOutput<typeof PageRequestSchema>;
export const PAGE_REQUEST_TYPES = typesOf(PageRequestSchema) as PageRequest['type'][];

/** Checks a message from one of our pages. */
export const parsePageRequest = (message: unknown): Result<PageRequest> =>
  parseWith(PageRequestSchema, PAGE_REQUEST_TYPES, message);
