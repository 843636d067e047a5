/**
 * The reader's notes as W3C Web Annotations (JSON-LD), in one AnnotationCollection with,
 * optionally, the engine's detections of the same articles. parseAnnotationFile
 * (import-notes.ts) reads this back into the same notes.
 */
import type { Annotation } from '../types';
import { CONTEXT } from '../export/crosswire-context';
import { codePointIndex, toWebAnnotation } from '../export/web-annotation';
import { fnv1a64 } from '../corpus/content-hash';
import type { Note } from './types';
import { motivationOf } from './validate';

/** Notes' ids in the export: this prefix and the note's id, which the import takes back off. */
export const NOTE_URN = 'urn:crosswire:note:';

/** What notesToWebAnnotation needs besides the notes. */
export interface NotesExportOptions {
  /** Injected so the output is a pure function of the data. */
  now: Date;
  label?: string;
  /** Article texts by article id, as the notes' offsets count them: positions are then converted to code points exactly. */
  texts?: Record<string, string>;
  /** The engine's annotations of articles, with what other outlets say of each (a DetectionMatches) by annotation id. */
  detections?: { source: string; text: string; annotations: Annotation[]; matches?: Record<string, unknown> }[];
}

/**
 * Another outlet's article that matches a detection: where it names the actor (`sentence`), its
 * value of the figure (`text`, `agrees`), or its version of the quote (`text`, and `kind`, how
 * it compares).
 */
export interface OutletMatch {
  outlet: string;
  articleId: string;
  url?: string | null;
  sentence?: string | null;
  text?: string;
  agrees?: boolean;
  kind?: string;
}

/** What the look-ups found for a figure: the other outlets' values and how they compare. */
export interface FigureMatches {
  verdict: string | null;
  explanation: string;
  values: OutletMatch[];
}

/** What the look-ups found for one detection: the matching articles, and for a figure how they compare. */
export type DetectionMatches = OutletMatch[] | FigureMatches;

type Json = Record<string, unknown>;

/** Notes (and optionally detections) as one W3C Web Annotation `AnnotationCollection`. */
export function notesToWebAnnotation(notes: Note[], options: NotesExportOptions): Json {
  const indexes = new Map<string, Int32Array | null>();
  const noteItems = notes.map((n) => noteItem(n, positionIndex(n, options.texts, indexes)));
  const detectionItems = (options.detections ?? []).flatMap((d) => {
    const items = toWebAnnotation(d.text, d.annotations, { source: d.source, now: options.now }).items as Json[];
    return items.map((item, i) => {
      const id = d.annotations[i]!.id;
      if (d.matches && Object.hasOwn(d.matches, id)) Object.assign(item.body as Json, matchTerms(id, d.matches[id]));
      return item;
    });
  });
  const items = [...noteItems, ...detectionItems];
  return {
    '@context': CONTEXT,
    id: `urn:crosswire:notes:${fnv1a64(items.map((i) => i.id).join('\n'))}`,
    type: 'AnnotationCollection',
    label: options.label ?? 'Crosswire notes',
    generated: options.now.toISOString(),
    total: items.length,
    items,
  };
}

/**
 * A detection's matches as body terms: `crosswire:matches` always a list of articles (so the
 * context can give it one shape), and a figure's verdict beside it.
 */
function matchTerms(id: string, matches: unknown): Json {
  if (Array.isArray(matches)) return { 'crosswire:matches': matches };
  const figure = matches as Partial<FigureMatches> | null;
  if (!figure || !Array.isArray(figure.values)) throw new TypeError(`matches of ${id}: neither a list nor a figure's`);
  return {
    'crosswire:verdict': figure.verdict,
    'crosswire:explanation': figure.explanation,
    'crosswire:matches': figure.values,
  };
}

function noteItem(n: Note, cp: Int32Array | null): Json {
  const body: Json[] = [];
  if (n.note) body.push({ type: 'TextualBody', value: n.note, format: 'text/plain', purpose: 'commenting' });
  for (const tag of n.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  // Flat crosswire: terms: a nested { kind, id } would have its "id" read as an IRI by the anno.jsonld context.
  // The UTF-16 offsets are kept as they are so an import gives back the very same note.
  body.push({
    'crosswire:kind': 'note',
    'crosswire:articleId': n.articleId,
    'crosswire:url': n.url,
    'crosswire:canonicalUrl': n.canonicalUrl,
    'crosswire:title': n.title,
    'crosswire:stance': n.stance,
    'crosswire:highlightKind': n.highlight?.kind ?? null,
    'crosswire:highlightId': n.highlight?.id ?? null,
    'crosswire:quoteHash': n.quoteHash,
    'crosswire:textHash': n.textHash,
    'crosswire:utf16Start': n.target.start,
    'crosswire:utf16End': n.target.end,
  });
  const { exact, prefix, suffix } = n.target;
  return {
    id: `${NOTE_URN}${n.id}`,
    type: 'Annotation',
    motivation: motivationOf(n.note, n.tags),
    created: n.created,
    modified: n.modified,
    body,
    target: {
      source: n.canonicalUrl ?? n.url,
      selector: [{ type: 'TextQuoteSelector', exact, prefix, suffix }, positionSelector(n, cp)],
    },
  };
}

/*
 * The W3C model counts TextPositionSelector offsets in code points; notes keep UTF-16
 * offsets. Code point offset = UTF-16 offset minus the low surrogates before it, which
 * only the whole article text tells. So:
 *  - with the article's text (options.texts), and the quote still at its offsets there:
 *    exact;
 *  - else, when the prefix reaches the start of the text (prefix.length === start), the
 *    prefix is all the text before the quote: exact too;
 *  - else, when prefix and quote hold no astral characters (emoji, math letters), the
 *    offsets are given as they are: right unless astral characters occur earlier in the
 *    text, which the quote's own surroundings give no sign of;
 *  - else the text evidently has astral characters and any guess would be off: UTF-16
 *    offsets, marked `crosswire:positionUnit: 'utf-16'`.
 * Consumers such as Hypothesis check a position against the TextQuoteSelector before
 * trusting it, so an off position costs a fallback to the quote, never a wrong anchor.
 */
function positionSelector(n: Note, cp: Int32Array | null): Json {
  const { exact, prefix, start, end } = n.target;
  if (cp) return { type: 'TextPositionSelector', start: cp[start], end: cp[end] };
  if (prefix.length === start) {
    const s = codePoints(prefix);
    return { type: 'TextPositionSelector', start: s, end: s + codePoints(exact) };
  }
  if (!ASTRAL.test(prefix) && !ASTRAL.test(exact)) return { type: 'TextPositionSelector', start, end };
  return { type: 'TextPositionSelector', start, end, 'crosswire:positionUnit': 'utf-16' };
}

const ASTRAL = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** The code point index of the note's article, when its text is given and still has the quote at the note's offsets. */
function positionIndex(
  n: Note,
  texts: Record<string, string> | undefined,
  cache: Map<string, Int32Array | null>,
): Int32Array | null {
  const text = texts && Object.hasOwn(texts, n.articleId) ? texts[n.articleId] : undefined;
  if (text === undefined || n.target.end > text.length || text.slice(n.target.start, n.target.end) !== n.target.exact)
    return null;
  let cp = cache.get(n.articleId);
  if (!cp) cache.set(n.articleId, (cp = codePointIndex(text)));
  return cp;
}
