/**
 * The JSON-LD context of Crosswire's exports. The W3C Web Annotation context
 * (http://www.w3.org/ns/anno.jsonld) has no words for what the engine found or for what other
 * outlets say, and a JSON-LD processor drops every key its context does not define: so each
 * export carries, after the W3C context, these terms inline (no server hosts them). The build
 * also ships them as crosswire-context.jsonld, and docs/jsonld-context.md says what each means.
 */

/** Our vocabulary: an identifier for the terms, not an address anything is served from. */
export const VOCAB = 'https://crosswire.dev/ns#';

/** The W3C Web Annotation context every export starts from. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Keys of a body (a detection's or a note's) and of a position selector, each written `crosswire:<name>`. */
export const BODY_TERMS = [
  // Every body
  'kind',
  // Detections
  'confidence',
  'id',
  'label',
  'actorType',
  'via',
  'role',
  'locational',
  'value',
  'low',
  'high',
  'against',
  'unit',
  'counts',
  'qualifier',
  'attribution',
  'attributionId',
  'subject',
  'speaker',
  'speakerId',
  'partial',
  'verdict',
  'explanation',
  // Notes
  'articleId',
  'title',
  'stance',
  'highlightKind',
  'highlightId',
  'quoteHash',
  'textHash',
  'utf16Start',
  'utf16End',
  'positionUnit',
] as const;

/** Body keys whose values are web addresses (IRIs). */
const ADDRESS_TERMS = ['url', 'canonicalUrl'] as const;

/**
 * Keys of one other outlet's matching article, inside `crosswire:matches`. Scoped to it: these
 * short names mean the same as their `crosswire:` forms elsewhere, except `kind`, which here
 * says how the other outlet's quote compares (its own IRI, `relation`).
 */
export const MATCH_CONTEXT = {
  outlet: `${VOCAB}outlet`,
  articleId: `${VOCAB}articleId`,
  url: { '@id': `${VOCAB}url`, '@type': '@id' },
  sentence: `${VOCAB}sentence`,
  text: `${VOCAB}text`,
  agrees: `${VOCAB}agrees`,
  kind: `${VOCAB}relation`,
} as const;

/** Crosswire's terms, as the second entry of an export's `@context`. */
export const CROSSWIRE_CONTEXT = {
  // 1.1 for the scoped context of `crosswire:matches`; a JSON-LD 1.0 processor stops here rather than misread.
  '@version': 1.1,
  crosswire: VOCAB,
  ...Object.fromEntries(BODY_TERMS.map((name) => [`crosswire:${name}`, `${VOCAB}${name}`])),
  ...Object.fromEntries(
    ADDRESS_TERMS.map((name) => [`crosswire:${name}`, { '@id': `${VOCAB}${name}`, '@type': '@id' }]),
  ),
  // Ordered lists, so that one or none still reads back as a list.
  'crosswire:candidates': { '@id': `${VOCAB}candidates`, '@container': '@list' },
  'crosswire:matches': { '@id': `${VOCAB}matches`, '@container': '@list', '@context': MATCH_CONTEXT },
} as const;

/** An export's `@context`: the W3C Web Annotation vocabulary, then ours. */
export const CONTEXT = [ANNO_CONTEXT, CROSSWIRE_CONTEXT] as const;

/** The context as the build ships it (dist/<browser>/crosswire-context.jsonld). */
export function contextDocument(): string {
  return `${JSON.stringify({ '@context': CROSSWIRE_CONTEXT }, null, 2)}\n`;
}
