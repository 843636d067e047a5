/**
 * The contracts between the extension's parts: what the popup and content scripts may ask
 * the background, and what it answers. Both ends check what they receive against these
 * types, because a message is only JSON-shaped data from another context.
 */
import type { OutletProfile } from './core/corpus/types';
import type { CoverageGaps, FigureQuery, FiguresLike, QuoteMatch, StoryMatch, WordDiff } from './core/match';
import type { Note } from './core/notes/types';
import type { Annotation } from './core/types';

export type { Annotation };

/** A page the background has not stored: its extracted article text and what the page says about it. */
export interface PageInput {
  text: string;
  url?: string;
  /** rel=canonical and og:url of the page, when it has them. */
  canonical?: string;
  ogUrl?: string;
  headline?: string;
  /** YYYY-MM-DD. */
  published?: string;
}

/** A stored article by id, or a page to compare as it is. */
export type PageRef = { articleId: string } | PageInput;

export type { FigureQuery };

/** Requests the popup and content scripts send to the background. */
export type Request =
  | { type: 'ping' }
  | { type: 'annotate-text'; text: string; published?: string }
  | { type: 'corpus-status' }
  | { type: 'mentions-of'; actorId: string; excludeArticleId?: string }
  | { type: 'figures-like'; figure: FigureQuery; excludeArticleId?: string }
  | { type: 'quotes-like'; text: string; excludeArticleId?: string }
  | { type: 'story-match'; page: PageRef }
  | { type: 'coverage-gaps'; page: PageRef }
  | { type: 'syndication-diff'; articleId: string; otherArticleId: string }
  | { type: 'add-page'; page: PageInput }
  | { type: 'import-articles'; data: string; format?: 'json' | 'jsonl' }
  | { type: 'delete-article'; articleId: string }
  | { type: 'add-active-tab' }
  /** Read a tab's article and add it (the popup, for the page it is about). */
  | { type: 'add-tab'; tabId: number }
  /** Highlight a tab once (the popup, for the page it is about). */
  | { type: 'highlight-tab'; tabId: number }
  /** Read a tab's article without storing it (the popup, for the page it was opened over). */
  | { type: 'read-tab'; tabId: number }
  /** A stored article's text, structure and annotations (the popup's side-by-side view). */
  | { type: 'article-text'; articleId: string }
  /** Stored articles, newest first, optionally those matching words or naming an actor (the options page). */
  | { type: 'list-articles'; query?: string; offset?: number; limit?: number }
  /** Stored articles in the import format, so a corpus moves between browsers. */
  | { type: 'export-articles'; origin?: 'user' | 'all' }
  /** The sites the user let Crosswire run on every page of ("always on this site"). */
  | { type: 'registered-sites' }
  /** Store a note, or replace the one with its id (an edit). */
  | { type: 'save-note'; note: Note }
  | { type: 'delete-note'; id: string }
  /** An article's notes (by the id of its canonical URL). */
  | { type: 'notes-for'; articleId: string }
  /** The notes (all, or those a filter selects) as a file: JSON-LD, CSV, or a full backup with the corpus and settings. */
  | { type: 'export-notes'; format: ExportFormat; filter?: NoteFilter }
  /** Import notes (Crosswire JSON-LD, a Hypothesis export) or restore a backup. */
  | { type: 'import-notes'; data: string }
  /** Highlight the active tab once, wherever it is (popup button). */
  | { type: 'highlight-active-tab' }
  /** Run on every page of a site from now on (its permission was just granted), or stop. */
  | { type: 'always-on-site'; origin: string; on: boolean }
  /** From the content script: the page it runs in is an article the user is reading. */
  | { type: 'article-read' }
  | { type: 'get-settings' }
  | { type: 'set-settings'; settings: Partial<Settings> };

export type ExportFormat = 'jsonld' | 'csv' | 'backup';

/** Which notes an export takes: those matching every field given. */
export interface NoteFilter {
  site?: string;
  actorId?: string;
  tag?: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
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

/** What the user chooses. */
export interface Settings {
  /** Add every article page read on enabled sites to the corpus (opt-in). */
  rememberArticles: boolean;
  /** Sites (host names) where the user switched highlighting off. */
  disabledSites: string[];
}

/** What the background or popup tells (or asks) a content script. */
export type ContentCommand =
  | { type: 'crosswire-highlights'; on: boolean }
  /** The page's article as the content script read and annotated it; it answers with a PageReport, or nothing before its first pass. */
  | { type: 'crosswire-page' }
  /** Open the note form on the reader's selection (context menu, keyboard shortcut). */
  | { type: 'crosswire-note-selection' };

/** A content script's reading of its page: the text it highlighted, and the annotations it shows. */
export interface PageReport {
  page: PageInput;
  annotations: Annotation[];
}

export type RequestType = Request['type'];

export interface OutletRef {
  id: string;
  name: string;
  profile: OutletProfile | null;
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
export type StoryVersion = StoryMatch & { lead: string | null };

/** A stored article as the side-by-side view reads it. */
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
  origin: 'bundled' | 'user';
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
  user: number;
  version: string | null;
}

export interface ImportReport {
  added: string[];
  /** Articles already in the corpus (or twice in the file), with the reason. */
  skipped: { index: number; reason: string }[];
}

/** What a successful reply to each request carries. */
export interface ReplyValues {
  ping: { version: string };
  'annotate-text': Annotation[];
  'corpus-status': CorpusStatus;
  'mentions-of': MentionsByOutlet[];
  'figures-like': FiguresLike;
  'quotes-like': QuoteMatch[];
  'story-match': StoryVersion[];
  'coverage-gaps': CoverageGaps;
  'syndication-diff': WordDiff[];
  'add-page': { id: string };
  'import-articles': ImportReport;
  'delete-article': { id: string };
  'add-active-tab': { id: string };
  'add-tab': { id: string };
  'highlight-tab': { highlighted: true };
  'read-tab': PageInput;
  'article-text': ArticleText;
  'list-articles': ArticleList;
  'export-articles': { data: string; count: number };
  'registered-sites': { origins: string[] };
  'save-note': { id: string };
  'delete-note': { id: string };
  'notes-for': Note[];
  'export-notes': ExportFile;
  'import-notes': NotesImportReport;
  'highlight-active-tab': { highlighted: true };
  'always-on-site': { origin: string; on: boolean };
  'article-read': { remembered: boolean };
  'get-settings': Settings;
  'set-settings': Settings;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** The background's answer to a request of type K. */
export type Reply<K extends RequestType> = Result<ReplyValues[K]>;

export { parsePageReport, parseReply, parseRequest } from './message-checks';
