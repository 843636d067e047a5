/**
 * One note from each import format: a backup's note, an item of Crosswire's JSON-LD, a
 * Hypothesis annotation. Each reader checks types (and reports what is wrong); the limits
 * are checked afterwards on the note it builds (validate.ts: checkNote). A reader returns
 * a string when the item is fine but is not a note Crosswire can place: it is skipped.
 */
import { articleId as articleIdOf, fnv1a64 } from '../corpus/content-hash';
import { canonicalUrl as canonicalUrlOf } from '../corpus/canonical-url';
import type { Note, Stance } from './types';
import { NOTE_URN } from './web-annotation';
import { isRecord, motivationOf, offset, show, str, strings, validDate, type Report } from './validate';

/** Reads one item: a note, a reason to skip it, or null when it has problems (reported). */
export type NoteReader = (item: Record<string, unknown>, report: Report) => Note | string | null;

type Highlight = Note['highlight'];

/** A note as the app stores it (backups); `motivation` is derived again from the content. */
export const readStoredNote: NoteReader = (o, report) => {
  let complete = true;
  // A required field: str/offset/strings report a wrong type, this reports a missing one.
  const need = <T>(v: T | undefined, from: Record<string, unknown>, key: string, name = key): T => {
    if (v === undefined) {
      complete = false;
      if (from[key] === undefined) report(`${name} is missing`);
    }
    return v as T;
  };
  const text = (key: string) => need(str(o, key, report), o, key) as string;
  const nullable = (key: string) => need(str(o, key, report, key, true), o, key) as string | null;
  const t = o.target;
  if (!isRecord(t)) return (report('target must be an object with exact, prefix, suffix, start and end'), null);
  const part = (key: string) => need(str(t, key, report, `target.${key}`), t, key, `target.${key}`) as string;
  const at = (key: string) => need(offset(t, key, report, `target.${key}`), t, key, `target.${key}`);
  const note: Note = {
    id: text('id'),
    articleId: text('articleId'),
    canonicalUrl: nullable('canonicalUrl'),
    url: text('url'),
    title: nullable('title'),
    target: {
      exact: part('exact'),
      prefix: part('prefix'),
      suffix: part('suffix'),
      start: at('start'),
      end: at('end'),
    },
    quoteHash: text('quoteHash'),
    textHash: text('textHash'),
    highlight: need(readHighlight(o.highlight, report), o, 'highlight'),
    note: text('note'),
    tags: need(strings(o, 'tags', report), o, 'tags'),
    stance: nullable('stance') as Stance | null,
    motivation: 'highlighting',
    created: text('created'),
    modified: text('modified'),
  };
  return complete ? build(note) : null;
};

function readHighlight(v: unknown, report: Report): Highlight | undefined {
  if (v === null || v === undefined) return v as null | undefined;
  if (isRecord(v) && typeof v.kind === 'string' && typeof v.id === 'string')
    return { kind: v.kind as 'actor', id: v.id };
  report('highlight must be null or { kind, id }');
  return undefined;
}

/** An item of Crosswire's JSON-LD export (web-annotation.ts); identifying detections never reach here. */
export const readCollectionItem: NoteReader = (o, report) => {
  if (typeof o.id !== 'string' || !o.id.startsWith(NOTE_URN))
    return `not a Crosswire note: its id is ${show(o.id)}, not ${NOTE_URN}…`;
  const created = str(o, 'created', report);
  const modified = str(o, 'modified', report) ?? created;
  if (o.created === undefined) report('created is missing');
  const bodies = o.body === undefined ? [] : Array.isArray(o.body) ? o.body : [o.body];
  const texts: string[] = [];
  const tags: string[] = [];
  let data: Record<string, unknown> = {};
  bodies.forEach((b, i) => {
    if (!isRecord(b)) return report(`body ${i + 1} must be an object`);
    if (b['crosswire:kind'] === 'note') data = b;
    else if (b.purpose === 'commenting' || b.purpose === 'tagging') {
      if (typeof b.value !== 'string') return report(`body ${i + 1}: value must be a string`);
      (b.purpose === 'commenting' ? texts : tags).push(b.value);
    }
  });
  const sel = selectors(o.target, report);
  if (!sel || created == null) return null;
  if (!sel.quote) return (report('the target has no TextQuoteSelector'), null);
  const { exact, prefix, suffix } = sel.quote;
  // Our own offsets, in UTF-16, are in the body; an export edited elsewhere may only have a position (in code points).
  const start = offset(data, 'crosswire:utf16Start', report) ?? sel.start ?? 0;
  const end = offset(data, 'crosswire:utf16End', report) ?? start + exact.length;
  const url = str(data, 'crosswire:url', report) ?? sel.source;
  const canonicalUrl =
    'crosswire:canonicalUrl' in data
      ? (str(data, 'crosswire:canonicalUrl', report, 'crosswire:canonicalUrl', true) ?? null)
      : canonicalUrlOf(url);
  const kind = str(data, 'crosswire:highlightKind', report, 'crosswire:highlightKind', true);
  const hid = str(data, 'crosswire:highlightId', report, 'crosswire:highlightId', true);
  if ((kind == null) !== (hid == null))
    report('crosswire:highlightKind and crosswire:highlightId must both be given or both be null');
  return build({
    id: o.id.slice(NOTE_URN.length),
    articleId: str(data, 'crosswire:articleId', report) ?? articleIdOf(canonicalUrl, ''),
    canonicalUrl,
    url,
    title: str(data, 'crosswire:title', report, 'crosswire:title', true) ?? null,
    target: { exact, prefix, suffix, start, end },
    quoteHash: str(data, 'crosswire:quoteHash', report) ?? fnv1a64(exact),
    textHash: str(data, 'crosswire:textHash', report) ?? '',
    highlight: kind != null && hid != null ? { kind: kind as 'actor', id: hid } : null,
    note: texts.join('\n\n'),
    tags,
    stance: (str(data, 'crosswire:stance', report, 'crosswire:stance', true) ?? null) as Stance | null,
    created,
    modified: modified ?? created,
  });
};

/** A Hypothesis annotation (their JSON export); page notes and replies, which quote nothing, are skipped. */
export const readHypothesis: NoteReader = (o, report) => {
  const id = str(o, 'id', report);
  const uri = str(o, 'uri', report);
  const created = str(o, 'created', report);
  const updated = str(o, 'updated', report) ?? created;
  const text = str(o, 'text', report, 'text', true) ?? '';
  const tags = o.tags === null ? [] : (strings(o, 'tags', report) ?? []);
  for (const key of ['id', 'uri', 'created']) if (o[key] === undefined) report(`${key} is missing`);
  const titles = isRecord(o.document) ? o.document.title : undefined;
  if (
    titles !== undefined &&
    typeof titles !== 'string' &&
    !(Array.isArray(titles) && titles.every((t) => typeof t === 'string'))
  )
    report('document.title must be a list of strings');
  const title =
    typeof titles === 'string' ? titles : Array.isArray(titles) && typeof titles[0] === 'string' ? titles[0] : null;
  const sel =
    o.target === undefined
      ? { quote: null, start: undefined, source: '' }
      : selectors(Array.isArray(o.target) ? o.target[0] : o.target, report);
  if (!sel || id == null || uri == null || created == null) return null;
  if (!sel.quote)
    return Array.isArray(o.references) && o.references.length
      ? 'a reply to another annotation: it quotes no text'
      : 'a page note: it quotes no text to attach it to';
  const canonicalUrl = canonicalUrlOf(uri);
  if (!canonicalUrl) return `not on a web page (${show(uri)})`;
  const { exact, prefix, suffix } = sel.quote;
  // Hypothesis counts positions in code points of its own reading of the page: only a hint for anchoring.
  const start = sel.start ?? 0;
  return build({
    id: `hypothesis:${id}`,
    articleId: articleIdOf(canonicalUrl, ''),
    canonicalUrl,
    url: uri,
    title,
    target: { exact, prefix, suffix, start, end: start + exact.length },
    quoteHash: fnv1a64(exact),
    textHash: '',
    highlight: null,
    note: text,
    tags,
    stance: null,
    created: iso(created),
    modified: iso(updated ?? created),
  });
};

/**
 * Hypothesis writes microseconds and "+00:00"; the app's notes hold toISOString dates. Invalid
 * dates stay as they are, to be reported.
 */
const iso = (s: string) => (validDate(s) ? new Date(s).toISOString() : s);

interface Selectors {
  source: string;
  quote: { exact: string; prefix: string; suffix: string } | null;
  start: number | undefined;
}

/**
 * The source and the quote and position selectors of a W3C/Hypothesis target; other selectors
 * (RangeSelector…) are ignored.
 */
function selectors(target: unknown, report: Report): Selectors | null {
  if (!isRecord(target)) return (report('target must be an object (or a list of them)'), null);
  const source = str(target, 'source', report, 'target.source') ?? '';
  const list =
    target.selector === undefined ? [] : Array.isArray(target.selector) ? target.selector : [target.selector];
  const out: Selectors = { source, quote: null, start: undefined };
  for (const s of list) {
    if (!isRecord(s)) return (report('target.selector must be a list of objects'), null);
    if (s.type === 'TextQuoteSelector' && !out.quote) {
      const exact = str(s, 'exact', report, 'TextQuoteSelector.exact');
      const prefix = str(s, 'prefix', report, 'TextQuoteSelector.prefix') ?? '';
      const suffix = str(s, 'suffix', report, 'TextQuoteSelector.suffix') ?? '';
      if (exact === undefined) return (s.exact === undefined && report('TextQuoteSelector.exact is missing'), null);
      out.quote = { exact, prefix, suffix };
    } else if (s.type === 'TextPositionSelector' && out.start === undefined)
      out.start = offset(s, 'start', report, 'TextPositionSelector.start');
  }
  return out;
}

function build(n: Omit<Note, 'motivation'> & { motivation?: unknown }): Note {
  return { ...n, motivation: motivationOf(n.note, n.tags) };
}
