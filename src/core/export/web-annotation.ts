import type { Annotation } from '../types';
import { CONTEXT } from './crosswire-context';

export interface ExportOptions {
  /** The annotated document: its URL, or a file: URI. */
  source: string;
  /** Injected so the output is a pure function of the data. */
  now: Date;
  label?: string;
}

type Json = Record<string, unknown>;

const CONTEXT_CHARS = 32;

/**
 * Annotations as one W3C Web Annotation `AnnotationCollection`. Each item targets the source
 * with a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector counted in
 * Unicode code points, as the model requires (our offsets are UTF-16 indices).
 */
export function toWebAnnotation(text: string, annotations: readonly Annotation[], options: ExportOptions): Json {
  const cp = codePointIndex(text);
  const created = options.now.toISOString();
  return {
    '@context': CONTEXT,
    id: `urn:crosswire:collection:${hash(options.source + text.length)}`,
    type: 'AnnotationCollection',
    label: options.label ?? `Crosswire annotations of ${options.source}`,
    total: annotations.length,
    items: annotations.map((a) => ({
      id: `urn:crosswire:annotation:${hash(options.source)}:${a.id}`,
      type: 'Annotation',
      motivation: 'identifying',
      created,
      target: {
        source: options.source,
        selector: [
          { type: 'TextQuoteSelector', exact: a.text, prefix: before(text, a.start), suffix: after(text, a.end) },
          { type: 'TextPositionSelector', start: cp[a.start], end: cp[a.end] },
        ],
      },
      body: body(a),
    })),
  };
}

function body(a: Annotation): Json {
  const b: Json = { 'crosswire:kind': a.kind, 'crosswire:confidence': a.confidence };
  if (a.kind === 'actor') {
    Object.assign(b, {
      'crosswire:id': a.actorId,
      'crosswire:label': a.label,
      'crosswire:actorType': a.actorType,
      'crosswire:via': a.via,
    });
    if (a.candidates) b['crosswire:candidates'] = a.candidates;
    if (a.role) b['crosswire:role'] = a.role;
    if (a.locational) b['crosswire:locational'] = true;
  } else if (a.kind === 'figure') {
    if (a.low !== undefined) Object.assign(b, { 'crosswire:low': a.low, 'crosswire:high': a.high });
    else b['crosswire:value'] = a.value;
    if (a.against !== undefined) b['crosswire:against'] = a.against;
    Object.assign(b, {
      'crosswire:unit': a.unit,
      'crosswire:counts': a.counts,
      'crosswire:qualifier': a.qualifier,
      'crosswire:attribution': a.attribution?.label ?? null,
    });
    if (a.attribution?.actorId) b['crosswire:attributionId'] = a.attribution.actorId;
    if (a.subject) b['crosswire:subject'] = a.subject;
  } else {
    Object.assign(b, {
      'crosswire:speaker': a.speaker,
      'crosswire:speakerId': a.speakerId,
      'crosswire:partial': a.partial,
    });
  }
  return b;
}

/** For each UTF-16 index, the number of code points before it. */
export function codePointIndex(text: string): Int32Array {
  const out = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    out[i] = n;
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === 0 || text.charCodeAt(i - 1) < 0xd800 || text.charCodeAt(i - 1) > 0xdbff) n++;
  }
  out[text.length] = n;
  return out;
}

const before = (text: string, at: number) =>
  Array.from(text.slice(Math.max(0, at - CONTEXT_CHARS * 2), at))
    .slice(-CONTEXT_CHARS)
    .join('');
const after = (text: string, at: number) =>
  Array.from(text.slice(at, at + CONTEXT_CHARS * 2))
    .slice(0, CONTEXT_CHARS)
    .join('');

/** Short stable hash (FNV-1a) for ids; not for security. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
