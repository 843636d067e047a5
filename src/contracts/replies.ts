/**
 * What the background answers to each request: `{ ok: true, value } | { ok: false, error }`.
 * The value types are the core's; each has a check that the receiver runs before it reads a
 * field (a reply crosses a process boundary too). The checks are shallow: enough that a
 * caller never reads a field that is not there.
 */
import * as v from 'valibot';
import type { OutletProfile } from '../core/corpus/types';
import type { CoverageGaps, FiguresLike, QuoteMatch, StoryMatch, WordDiff } from '../core/match';
import { NoteSchema } from '../core/notes/schema';
import type { Anchoring, Note } from '../core/notes/types';
import type { Annotation } from '../core/types';
import type { Result } from './check';
import type { ContentRequest } from './content-to-background';
import type { PageRequest } from './page-to-background';
import { FOLLOWING, type FollowingState, POLL_REPORT, type PollReport } from './following';
import { type FollowingSettings, type PageInput, SettingsSchema, type Settings } from './values';

export type Request = ContentRequest | PageRequest;
export type RequestType = Request['type'];

export interface OutletRef {
  id: string;
  name: string;
  profile: OutletProfile | null;
}

/**
 * The background's one reading of a page: who it is (its article id), what the engine found
 * in its text, and whether the corpus holds it. Everything else refers to the page by its id.
 * The text itself stays in the background (`article-text` gives it to the side-by-side view).
 */
export interface PageReading {
  articleId: string;
  canonical: string | null;
  url: string | null;
  headline: string | null;
  /** YYYY-MM-DD. */
  published: string | null;
  outlet: { id: string; name: string };
  annotations: Annotation[];
  /** How many characters the text has (what the page's notes are hashed and anchored against). */
  length: number;
  /** Who read it: the page's content script, or the background's extractor (nothing had read the tab). */
  source: 'page' | 'extractor';
  /** True when the corpus holds this article. */
  stored: boolean;
}

/**
 * A tab's page for the popup: its reading, and its story when the background has it worked
 * out already (it does once the page is read), so the popup need not ask for it again.
 */
export interface TabPage extends PageReading {
  story?: StoryVersion[];
}

export interface MentionsByOutlet {
  outlet: OutletRef;
  /** `forms`: how the article spelled the actor ("Sergei Lavrov", "Lavrov"), when known. */
  articles: {
    articleId: string;
    headline: string | null;
    url: string | null;
    published: string | null;
    sentences: string[];
    forms: string[];
  }[];
}

/** A stored article ranked as a version of the page's story, with its first paragraph. */
export type StoryVersion = StoryMatch & {
  lead: string | null;
  /** 'headline': a feed item's headline and summary only, which the reader can have fetched in full. */
  depth: 'headline' | 'full';
};

/** A stored article (or kept reading) as the side-by-side view reads it. */
export interface ArticleText {
  articleId: string;
  outlet: OutletRef;
  published: string | null;
  headline: string | null;
  url: string | null;
  wire: string | null;
  text: string;
  /** Paragraph-level blocks (headline, subhead, paragraph, credit), offsets into `text`. */
  blocks: { kind: 'headline' | 'subhead' | 'paragraph' | 'credit'; start: number; end: number }[];
  annotations: Annotation[];
}

/** One line of the corpus list. */
export interface ArticleListItem {
  articleId: string;
  outlet: OutletRef;
  published: string | null;
  headline: string | null;
  url: string | null;
  origin: 'bundled' | 'user' | 'feed' | 'shared';
}

export interface ArticleList {
  /** How many articles match, of which `items` is the page asked for. */
  total: number;
  items: ArticleListItem[];
  /** How the query was read: the actor it named, if any. */
  actor: { id: string; label: string } | null;
}

export interface CorpusStatus {
  articles: number;
  bundled: number;
  /** Added by the reader (pages, imports). */
  user: number;
  /** From followed feeds ("From a feed"), and from shared corpora ("From a shared corpus"). */
  feed: number;
  shared: number;
  version: string | null;
}

export interface ImportReport {
  added: string[];
  /** Articles already in the corpus (or twice in the file), with the reason. */
  skipped: { index: number; reason: string }[];
  /** The reader cancelled the import: `added` is what was stored before it stopped. */
  cancelled?: boolean;
}

/** A running article import, kept in the database so a page can poll it. */
export interface ImportJob {
  id: string;
  /** Articles in the file. */
  total: number;
  /** Articles gone through (stored or skipped), batch by batch. */
  done: number;
  added: number;
  cancelled: boolean;
  startedAt: number;
}

/** One page of an article export: JSON Lines in the import format, one article a line. */
export interface ExportPage {
  data: string;
  /** Articles on this page (a page of the reader's articles can hold none and still go on). */
  count: number;
  /** The cursor of the next page (the `after` to ask with), or null when this was the last. */
  next: string | null;
  /** How many articles the whole export holds, for its progress. */
  total: number;
}

/** A file for the reader to save. */
export interface ExportFile {
  data: string;
  filename: string;
  mime: string;
  /** How many notes it holds. */
  count: number;
}

export interface NotesImportReport {
  kind: 'crosswire' | 'hypothesis' | 'backup';
  added: number;
  /** Notes already stored (same id), or not importable (a Hypothesis page note), with why. */
  skipped: number;
  reasons: string[];
  /** For a backup: the articles restored. */
  articles: number;
}

/** The page's notes, each with where it is found in the page's text now. */
export interface PageNotes {
  notes: { note: Note; at: Anchoring }[];
}

/** What a successful reply to each request carries. */
export interface ReplyValues {
  ping: { version: string };
  wake: { ready: boolean };
  'read-page': PageReading;
  'annotate-text': Annotation[];
  'page-of-tab': TabPage;
  'corpus-status': CorpusStatus;
  'mentions-of': MentionsByOutlet[];
  'figures-like': FiguresLike;
  'quotes-like': QuoteMatch[];
  'story-match': StoryVersion[];
  'coverage-gaps': CoverageGaps;
  'syndication-diff': WordDiff[];
  'add-page': { id: string };
  'fetch-full-text': { id: string };
  'import-articles': ImportReport;
  'import-progress': { job: ImportJob | null };
  'cancel-import': { cancelled: boolean };
  'delete-article': { id: string };
  'highlight-tab': { highlighted: true; articleId: string | null };
  'reveal-in-tab': { shown: boolean };
  'extract-article': { text: string };
  'article-text': ArticleText;
  'list-articles': ArticleList;
  'export-articles': ExportPage;
  'registered-sites': { origins: string[] };
  'save-note': { id: string };
  'delete-note': { id: string };
  'notes-for': Note[];
  'page-notes': PageNotes;
  'export-notes': ExportFile;
  'export-page': ExportFile;
  'import-notes': NotesImportReport;
  'always-on-site': { origin: string; on: boolean };
  'get-settings': Settings;
  'set-settings': Settings;
  'get-following': FollowingState;
  'set-following': FollowingState;
  'add-feed': FollowingState;
  'remove-feed': FollowingState;
  /** `skipped`: the addresses already followed, or not feeds' (with why). */
  'import-opml': { added: number; skipped: string[] };
  'export-opml': { data: string; filename: string };
  'poll-now': PollReport;
  'subscribe-corpus': FollowingState;
  'unsubscribe-corpus': FollowingState;
}

/** The background's answer to a request of type K. */
export type Reply<K extends RequestType> = Result<ReplyValues[K]>;

export type { FeedStatus, FollowingState, PollReport } from './following';
export type { FollowingSettings, PageInput, Result };

const KINDS = new Set<unknown>(['actor', 'figure', 'quote']);
/**
 * An annotation, as far as a reader of it relies on. Checked by hand, not by a valibot object
 * schema: a long article's reply holds thousands, checked on the page's thread. For the bench's
 * 2 MB article (11,543 annotations) the schema took about 20 ms there in a CPU profile; the
 * whole reply's check now takes 1-4 ms.
 */
const isAnnotation = (a: unknown): boolean => {
  if (typeof a !== 'object' || a === null) return false;
  const { kind, start, end, text } = a as Record<string, unknown>;
  return KINDS.has(kind) && typeof start === 'number' && typeof end === 'number' && typeof text === 'string';
};
const ANNOTATIONS = v.custom<Annotation[]>(
  (value) => Array.isArray(value) && value.every(isAnnotation),
  'annotations, each with a kind, a start, an end and its text',
);
const keys = (...names: string[]) => v.looseObject(Object.fromEntries(names.map((n) => [n, v.unknown()])));
const ID = v.looseObject({ id: v.string() });
const FILE = v.looseObject({ data: v.string(), filename: v.string(), mime: v.string(), count: v.number() });
const READING = v.looseObject({
  articleId: v.string(),
  outlet: v.looseObject({ id: v.string(), name: v.string() }),
  annotations: ANNOTATIONS,
  stored: v.boolean(),
});

const STORY = v.array(keys('articleId', 'score', 'label', 'reasons'));

// One check per request type: the record's type makes a missing one a compile error.
const REPLY_CHECKS: { [K in RequestType]: v.GenericSchema } = {
  ping: v.looseObject({ version: v.string() }),
  wake: keys('ready'),
  'read-page': READING,
  'annotate-text': ANNOTATIONS,
  'page-of-tab': v.looseObject({ ...READING.entries, story: v.optional(STORY) }),
  'corpus-status': keys('articles', 'bundled', 'user', 'feed', 'shared', 'version'),
  'mentions-of': v.array(keys('outlet', 'articles')),
  'figures-like': keys('items', 'alongside', 'verdict'),
  'quotes-like': v.array(keys('articleId', 'kind')),
  'story-match': STORY,
  'coverage-gaps': keys('missing', 'extra', 'versions'),
  'syndication-diff': v.array(keys('op', 'text')),
  'add-page': ID,
  'fetch-full-text': ID,
  'import-articles': keys('added', 'skipped'),
  'import-progress': v.looseObject({
    job: v.nullable(v.looseObject({ total: v.number(), done: v.number(), cancelled: v.boolean() })),
  }),
  'cancel-import': v.looseObject({ cancelled: v.boolean() }),
  'delete-article': ID,
  'highlight-tab': keys('highlighted', 'articleId'),
  'reveal-in-tab': v.looseObject({ shown: v.boolean() }),
  'extract-article': v.looseObject({ text: v.string() }),
  'article-text': v.looseObject({
    articleId: v.string(),
    outlet: v.unknown(),
    text: v.string(),
    blocks: v.array(v.unknown()),
    annotations: ANNOTATIONS,
  }),
  'list-articles': keys('total', 'items', 'actor'),
  'export-articles': v.looseObject({
    data: v.string(),
    count: v.number(),
    next: v.nullable(v.string()),
    total: v.number(),
  }),
  'registered-sites': v.looseObject({ origins: v.array(v.string()) }),
  'save-note': ID,
  'delete-note': ID,
  'notes-for': v.array(NoteSchema),
  'page-notes': v.looseObject({ notes: v.array(v.looseObject({ note: NoteSchema, at: keys('state') })) }),
  'export-notes': FILE,
  'export-page': FILE,
  'import-notes': keys('kind', 'added', 'skipped', 'reasons', 'articles'),
  'always-on-site': keys('origin', 'on'),
  'get-settings': SettingsSchema,
  'set-settings': SettingsSchema,
  'get-following': FOLLOWING,
  'set-following': FOLLOWING,
  'add-feed': FOLLOWING,
  'remove-feed': FOLLOWING,
  'import-opml': v.looseObject({ added: v.number(), skipped: v.array(v.string()) }),
  'export-opml': v.looseObject({ data: v.string(), filename: v.string() }),
  'poll-now': POLL_REPORT,
  'subscribe-corpus': FOLLOWING,
  'unsubscribe-corpus': FOLLOWING,
};

/** Checks the background's answer to a request of type `type`. */
export function parseReply<K extends RequestType>(type: K, reply: unknown): Reply<K> {
  if (typeof reply !== 'object' || reply === null) return { ok: false, error: 'no reply from the background' };
  const r = reply as { ok?: unknown; error?: unknown; value?: unknown };
  if (r.ok === false && typeof r.error === 'string') return { ok: false, error: r.error };
  if (r.ok === true && v.is(REPLY_CHECKS[type], r.value)) return { ok: true, value: r.value as ReplyValues[K] };
  return { ok: false, error: `malformed reply to ${type}` };
}

/** The request types that have a reply check (the conventions test compares them with the contracts). */
export const REPLY_TYPES = Object.keys(REPLY_CHECKS) as RequestType[];
