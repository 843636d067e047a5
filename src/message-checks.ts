/**
 * The checks behind the message contracts (src/messages.ts): every request is checked
 * field by field on receipt (unknown fields refused), every reply shallowly before a caller
 * reads it, and a content script's page report like any message.
 */
import type { Annotation, PageInput, PageReport, Reply, ReplyValues, Request, RequestType, Result } from './messages';

// An article's text is tens of kilobytes and the engine is tested up to 2 MB; far beyond
// that is a bug upstream, not a page, and would stall the background.
const MAX_TEXT_LENGTH = 4_000_000;
const MAX_IMPORT_LENGTH = 50 * 1024 * 1024;

/** Checks one field's value; returns what is wrong, or null. */
type Check = (value: unknown) => string | null;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text =
  (max = MAX_TEXT_LENGTH): Check =>
  (v) =>
    typeof v !== 'string' ? 'must be a string' : v.length > max ? 'is too long' : null;
const id: Check = (v) => (typeof v === 'string' && v.length > 0 && v.length < 200 ? null : 'must be an id');
// The engine resolves roles by calendar date, so senders cut a page's published time down to its date.
const date: Check = (v) =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'must be a YYYY-MM-DD date';
const nullable =
  (check: Check): Check =>
  (v) =>
    v === null ? null : check(v);
const num: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : 'must be a number');
const count =
  (max: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max
      ? null
      : `must be a whole number from 0 to ${max}`;
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    values.includes(v as string) ? null : `must be one of ${values.join(', ')}`;
const object =
  (fields: Fields): Check =>
  (v) =>
    checkFields(v, fields);
const either =
  (a: Check, b: Check): Check =>
  (v) =>
    a(v) === null || b(v) === null ? null : isRecord(v) && 'articleId' in v ? a(v) : b(v);

/** Field name -> check; a trailing "?" marks an optional field. */
type Fields = Record<string, Check>;

const ISO_TIME: Check = (v) =>
  typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v)) ? null : 'must be an ISO 8601 time';
const list =
  (max: number, item: Check): Check =>
  (v) =>
    !Array.isArray(v)
      ? 'must be a list'
      : v.length > max
        ? `has more than ${max} entries`
        : (v.map(item).find((p) => p !== null) ?? null);
const HASH: Check = (v) => (typeof v === 'string' && /^[0-9a-f]{0,16}$/.test(v) ? null : 'must be a hash');
const NOTE: Fields = {
  id: (v) =>
    typeof v === 'string' && /^(n-[0-9a-f]{16}|hypothesis:[\w-]{1,100})$/.test(v) ? null : 'must be a note id',
  articleId: id,
  canonicalUrl: nullable(text(2048)),
  url: text(2048),
  title: nullable(text(1000)),
  target: object({
    exact: text(20_000),
    prefix: text(64),
    suffix: text(64),
    start: count(MAX_TEXT_LENGTH),
    end: count(MAX_TEXT_LENGTH),
  }),
  quoteHash: HASH,
  textHash: HASH,
  highlight: nullable(object({ kind: oneOf('actor', 'figure', 'quote'), id })),
  note: text(100_000),
  tags: list(100, text(200)),
  stance: nullable(oneOf('verified', 'disputed', 'follow-up')),
  motivation: oneOf('commenting', 'tagging', 'highlighting'),
  created: ISO_TIME,
  modified: ISO_TIME,
};
const NOTE_FILTER: Fields = { 'site?': text(255), 'actorId?': id, 'tag?': text(200), 'from?': date, 'to?': date };

const PAGE: Fields = {
  text: text(),
  'url?': text(2048),
  'canonical?': text(2048),
  'ogUrl?': text(2048),
  'headline?': text(1000),
  'published?': date,
};
const PAGE_REF = either(object({ articleId: id }), object(PAGE));

const REQUESTS: { [K in RequestType]: Fields } = {
  ping: {},
  'annotate-text': { text: text(), 'published?': date },
  'corpus-status': {},
  'mentions-of': { actorId: id, 'excludeArticleId?': id },
  'figures-like': {
    figure: object({
      counts: id,
      subject: nullable(text(200)),
      value: nullable(num),
      low: nullable(num),
      high: nullable(num),
      qualifier: nullable(text(40)),
      published: nullable(date),
      'unit?': text(40),
      'text?': text(200),
    }),
    'excludeArticleId?': id,
  },
  'quotes-like': { text: text(20_000), 'excludeArticleId?': id },
  'story-match': { page: PAGE_REF },
  'coverage-gaps': { page: PAGE_REF },
  'syndication-diff': { articleId: id, otherArticleId: id },
  'add-page': { page: object(PAGE) },
  'import-articles': { data: text(MAX_IMPORT_LENGTH), 'format?': oneOf('json', 'jsonl') },
  'delete-article': { articleId: id },
  'add-active-tab': {},
  'add-tab': { tabId: count(2 ** 31) },
  'highlight-tab': { tabId: count(2 ** 31) },
  'read-tab': { tabId: count(2 ** 31) },
  'article-text': { articleId: id },
  'list-articles': { 'query?': text(200), 'offset?': count(1_000_000), 'limit?': count(500) },
  'export-articles': { 'origin?': oneOf('user', 'all') },
  'registered-sites': {},
  'save-note': { note: object(NOTE) },
  'delete-note': { id },
  'notes-for': { articleId: id },
  'export-notes': { format: oneOf('jsonld', 'csv', 'backup'), 'filter?': object(NOTE_FILTER) },
  'import-notes': { data: text(MAX_IMPORT_LENGTH) },
  'highlight-active-tab': {},
  'always-on-site': {
    origin: (v) =>
      typeof v === 'string' && /^https?:\/\/[a-z0-9.-]+$/i.test(v)
        ? null
        : 'must be an origin like https://www.example.org',
    on: (v) => (typeof v === 'boolean' ? null : 'must be true or false'),
  },
  'article-read': {},
  'get-settings': {},
  'set-settings': {
    settings: object({
      'rememberArticles?': (v) => (typeof v === 'boolean' ? null : 'must be true or false'),
      'disabledSites?': (v) =>
        Array.isArray(v) && v.length < 10_000 && v.every((s) => typeof s === 'string' && s.length < 256)
          ? null
          : 'must be a list of host names',
    }),
  },
};

/** What is wrong with an object against field checks (unknown keys included), or null. */
function checkFields(value: unknown, fields: Fields): string | null {
  if (!isRecord(value)) return 'must be an object';
  const names = Object.keys(fields).map((f) => f.replace(/\?$/, ''));
  // Unknown keys are rejected rather than ignored: they mean the sender speaks another version.
  const extra = Object.keys(value).filter((k) => k !== 'type' && !names.includes(k));
  if (extra.length) return `unexpected ${extra.join(', ')}`;
  for (const [field, check] of Object.entries(fields)) {
    const name = field.replace(/\?$/, '');
    // Firefox's structured clone keeps `key: undefined` where Chrome's JSON drops it.
    if (value[name] === undefined) {
      if (field.endsWith('?')) continue;
      return `${name} is required`;
    }
    const problem = check(value[name]);
    if (problem) return `${name} ${problem}`;
  }
  return null;
}

/** Checks an incoming message and returns it as a Request, or says what is wrong with it. */
export function parseRequest(message: unknown): Result<Request> {
  if (!isRecord(message)) return { ok: false, error: 'request must be an object' };
  const type = message.type as RequestType;
  const fields = Object.hasOwn(REQUESTS, type as string) ? REQUESTS[type] : undefined;
  if (!fields) return { ok: false, error: `unknown request type: ${JSON.stringify(message.type) ?? 'none'}` };
  const problem = checkFields(message, fields);
  if (problem) return { ok: false, error: `${type}: ${problem}` };
  const clean = Object.fromEntries(Object.entries(message).filter(([, v]) => v !== undefined));
  return { ok: true, value: clean as Request };
}

const ANNOTATION_KINDS: readonly unknown[] = ['actor', 'figure', 'quote'] satisfies Annotation['kind'][];

function isAnnotation(value: unknown): boolean {
  return (
    isRecord(value) &&
    ANNOTATION_KINDS.includes(value.kind) &&
    typeof value.start === 'number' &&
    typeof value.end === 'number' &&
    typeof value.text === 'string'
  );
}

const arrayOf = (check: (v: unknown) => boolean) => (v: unknown) => Array.isArray(v) && v.every(check);
const hasKeys =
  (...keys: string[]) =>
  (v: unknown) =>
    isRecord(v) && keys.every((k) => k in v);

// Shallow checks of reply values: enough that a caller never reads a field that is not there.
const REPLY_VALUE_CHECKS: { [K in RequestType]: (value: unknown) => boolean } = {
  ping: (v) => isRecord(v) && typeof v.version === 'string',
  'annotate-text': arrayOf(isAnnotation),
  'corpus-status': hasKeys('articles', 'bundled', 'user', 'version'),
  'mentions-of': arrayOf(hasKeys('outlet', 'articles')),
  'figures-like': hasKeys('items', 'verdict'),
  'quotes-like': arrayOf(hasKeys('articleId', 'kind')),
  'story-match': arrayOf(hasKeys('articleId', 'score', 'label', 'reasons')),
  'coverage-gaps': hasKeys('missing', 'extra'),
  'syndication-diff': arrayOf(hasKeys('op', 'text')),
  'add-page': hasKeys('id'),
  'import-articles': hasKeys('added', 'skipped'),
  'delete-article': hasKeys('id'),
  'add-active-tab': hasKeys('id'),
  'add-tab': hasKeys('id'),
  'highlight-tab': hasKeys('highlighted'),
  'read-tab': (v) => isRecord(v) && typeof v.text === 'string',
  'article-text': (v) =>
    hasKeys('articleId', 'outlet', 'text', 'blocks')(v) &&
    arrayOf(isAnnotation)((v as Record<string, unknown>).annotations),
  'list-articles': hasKeys('total', 'items', 'actor'),
  'export-articles': (v) => isRecord(v) && typeof v.data === 'string' && typeof v.count === 'number',
  'registered-sites': (v) => isRecord(v) && arrayOf((o) => typeof o === 'string')(v.origins),
  'save-note': hasKeys('id'),
  'delete-note': hasKeys('id'),
  'notes-for': arrayOf((n) => checkFields(n, NOTE) === null),
  'export-notes': hasKeys('data', 'filename', 'mime', 'count'),
  'import-notes': hasKeys('kind', 'added', 'skipped', 'reasons', 'articles'),
  'highlight-active-tab': hasKeys('highlighted'),
  'always-on-site': hasKeys('origin', 'on'),
  'article-read': hasKeys('remembered'),
  'get-settings': hasKeys('rememberArticles', 'disabledSites'),
  'set-settings': hasKeys('rememberArticles', 'disabledSites'),
};

/** Checks a content script's page report (it comes from a page's process, so it is checked like any message). */
export function parsePageReport(value: unknown): Result<PageReport> {
  if (!isRecord(value)) return { ok: false, error: 'no page report' };
  const page = parseRequest({ type: 'add-page', page: value.page });
  if (!page.ok) return page;
  if (!arrayOf(isAnnotation)(value.annotations)) return { ok: false, error: 'page report: malformed annotations' };
  return {
    ok: true,
    value: { page: (page.value as { page: PageInput }).page, annotations: value.annotations as Annotation[] },
  };
}

/** Checks the background's answer to a request of type `type`. */
export function parseReply<K extends RequestType>(type: K, reply: unknown): Reply<K> {
  if (!isRecord(reply)) return { ok: false, error: 'no reply from the background' };
  if (reply.ok === false && typeof reply.error === 'string') return { ok: false, error: reply.error };
  if (reply.ok === true && REPLY_VALUE_CHECKS[type](reply.value))
    return { ok: true, value: reply.value as ReplyValues[K] };
  return { ok: false, error: `malformed reply to ${type}` };
}
