// Each JSON-LD export, expanded and compacted again by a JSON-LD processor (jsonld.js), still
// holds every field it had: a key the context leaves undefined is dropped by the processor,
// and this test names it. The W3C context is served from a local copy (no network in tests).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';
import type { RemoteDocument } from 'jsonld/jsonld-spec';
import { beforeAll, describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/annotate';
import {
  ANNO_CONTEXT,
  BODY_TERMS,
  CONTEXT,
  CROSSWIRE_CONTEXT,
  MATCH_CONTEXT,
  contextDocument,
} from '../../../src/core/export/crosswire-context';
import { toWebAnnotation } from '../../../src/core/export/web-annotation';
import type { Note } from '../../../src/core/notes/types';
import { notesToWebAnnotation, type DetectionMatches } from '../../../src/core/notes/web-annotation';
import type { Annotation } from '../../../src/core/types';
import { sampleNote } from '../../background/sample-note';
import { DIST, ensureBuilt } from '../../ensure-built';
import { SEEDS } from '../../fixtures/paths';

type Json = Record<string, any>;

const ANNO = JSON.parse(readFileSync(new URL('../../fixtures/w3c/anno.jsonld', import.meta.url), 'utf8'));
const documentLoader = async (url: string): Promise<RemoteDocument> => {
  if (url === ANNO_CONTEXT) return { contextUrl: undefined, documentUrl: url, document: ANNO };
  throw new Error(`no network in tests: ${url}`);
};

/** `doc` expanded, then compacted with `context` (by default its own). */
async function roundTrip(doc: Json, context: unknown = doc['@context']): Promise<Json> {
  const expanded = await jsonld.expand(doc, { documentLoader });
  return (await jsonld.compact(expanded, { '@context': context } as Json, { documentLoader })) as Json;
}

/**
 * Where `back` lacks a field of `original`, or holds another value. JSON-LD reads a null as no
 * value (readers take a missing key as null), and may give a one-item array back as the item.
 */
function lost(original: unknown, back: unknown, path = '$'): string[] {
  if (Array.isArray(original)) {
    if (!Array.isArray(back)) return original.length === 1 ? lost(original[0], back, `${path}[0]`) : [path];
    if (back.length !== original.length) return [`${path} (${original.length} items, ${back.length} back)`];
    return original.flatMap((item, i) => lost(item, back[i], `${path}[${i}]`));
  }
  if (original !== null && typeof original === 'object') {
    if (back === null || typeof back !== 'object' || Array.isArray(back)) return [path];
    return Object.entries(original).flatMap(([key, value]) => {
      if (key === '@context' || value === null) return [];
      return Object.hasOwn(back, key) ? lost(value, (back as Json)[key], `${path}.${key}`) : [`${path}.${key}`];
    });
  }
  return Object.is(original, back) ? [] : [`${path} (${JSON.stringify(original)} became ${JSON.stringify(back)})`];
}

/** Keys of `doc` that no context defines: the W3C's, Crosswire's, or inside `crosswire:matches` its scoped one. */
function undefinedKeys(value: unknown, terms: Set<string>, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => undefinedKeys(v, terms, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => {
    if (key === '@context') return [];
    const here = terms.has(key) ? [] : [`${path}.${key}`];
    const inner = key === 'crosswire:matches' ? new Set([...terms, ...Object.keys(MATCH_CONTEXT)]) : terms;
    return [...here, ...undefinedKeys(v, inner, `${path}.${key}`)];
  });
}

/** Every key used anywhere in `value`. */
const keysOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(keysOf)
    : value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)])
      : [];

const now = new Date('2026-01-02T03:04:05Z');
const SEED = readFileSync(join(SEEDS, '000_b80d3aa3a014407e.txt'), 'utf8');
const SOURCE = 'https://cbc.ca/news/world/u-s-russia-split-over-syrian-killings-at-un-talks-1.1167479';
const seedAnnotations = annotate(SEED, { published: '2012-03-12' });

/** A note on `exact` in the seed, with every field set. */
function noteOn(exact: string, over: Partial<Note> = {}): Note {
  const start = SEED.indexOf(exact);
  const end = start + exact.length;
  const target = { exact, prefix: SEED.slice(Math.max(0, start - 32), start), suffix: SEED.slice(end, end + 32) };
  return sampleNote({ target: { ...target, start, end }, ...over });
}

/** Annotations with every optional field a detection's body can carry. */
const rare: Annotation[] = [
  {
    id: 'x1',
    kind: 'actor',
    start: 0,
    end: 7,
    text: 'Clinton',
    confidence: 0.5,
    actorId: null,
    label: 'Clinton',
    actorType: 'person',
    via: 'surname',
    candidates: ['hillary-clinton'],
  },
  {
    id: 'x2',
    kind: 'actor',
    start: 8,
    end: 13,
    text: 'Syria',
    confidence: 0.9,
    actorId: 'Q858',
    label: 'Syria',
    actorType: 'state',
    via: 'name',
    locational: true,
    role: 'host',
  },
  {
    id: 'x3',
    kind: 'figure',
    start: 14,
    end: 18,
    text: '13-2',
    confidence: 0.8,
    value: 13,
    against: 2,
    unit: 'votes',
    counts: 'votes',
    qualifier: null,
    subject: 'the resolution',
    attribution: { label: 'United Nations', actorId: 'united-nations' },
  },
  {
    id: 'x4',
    kind: 'figure',
    start: 19,
    end: 30,
    text: '2,000-3,000',
    confidence: 0.7,
    value: null,
    low: 2000,
    high: 3000,
    unit: 'people',
    counts: 'displaced',
    qualifier: 'about',
  },
];

function exports(): Record<string, Json> {
  const actors = seedAnnotations.filter((a) => a.kind === 'actor');
  const figure = seedAnnotations.find((a) => a.kind === 'figure')!;
  const quote = seedAnnotations.find((a) => a.kind === 'quote')!;
  const matches: Record<string, DetectionMatches> = {
    [actors[0]!.id]: [
      { outlet: 'voanews.com', articleId: 'a-000000000002', url: null, sentence: 'The U.S. and Russia clashed.' },
      { outlet: 'rt.com', articleId: 'a-000000000003', url: 'https://www.rt.com/news/x/', sentence: null },
    ],
    [actors[1]!.id]: [
      { outlet: 'rt.com', articleId: 'a-000000000003', url: 'https://www.rt.com/news/x/', sentence: 'S' },
    ],
    [actors[2]!.id]: [],
    [figure.id]: {
      verdict: 'agree',
      explanation: 'Voice of America gives 7,500 too.',
      values: [{ outlet: 'voanews.com', articleId: 'a-000000000002', text: 'an estimated 7,500 people', agrees: true }],
    },
    [quote.id]: [{ outlet: 'voanews.com', articleId: 'a-000000000002', kind: 'reworded', text: quote.text }],
  };
  const notes = [
    noteOn('over 7,500 people'),
    noteOn('Sergey Lavrov', { note: '', tags: [], stance: null, highlight: null, canonicalUrl: null }),
    // Astral characters before the quote and no article text: the offsets are given in UTF-16.
    sampleNote({
      id: 'n-2',
      articleId: 'a-other',
      target: { exact: 'Lavrov', prefix: '😀 ', suffix: '', start: 9, end: 15 },
    }),
  ];
  return {
    'the popup’s page export (notes, detections, matches)': notesToWebAnnotation(notes, {
      now,
      label: 'Crosswire: U.S., Russia split',
      texts: { [notes[0]!.articleId]: SEED },
      detections: [{ source: SOURCE, text: SEED, annotations: seedAnnotations, matches }],
    }),
    'the notes export': notesToWebAnnotation(notes, { now }),
    'the CLI’s export': toWebAnnotation(SEED, [...seedAnnotations, ...rare], { source: SOURCE, now }),
  };
}

describe('the JSON-LD exports, through a JSON-LD processor', () => {
  const docs = exports();

  it.each(Object.keys(docs))('%s keeps every field when expanded and compacted again', async (name) => {
    const doc = docs[name]!;
    expect(doc['@context']).toEqual(CONTEXT);
    const back = await roundTrip(doc);
    expect(lost(doc, back)).toEqual([]);
  });

  it('use only terms a context defines', () => {
    const terms = new Set([...Object.keys(ANNO['@context']), ...Object.keys(CROSSWIRE_CONTEXT)]);
    for (const [name, doc] of Object.entries(docs)) expect(undefinedKeys(doc, terms), name).toEqual([]);
  });

  it('use every term of the Crosswire context, so the round trips cover them all', () => {
    const used = new Set(Object.values(docs).flatMap(keysOf));
    const ours = [...Object.keys(CROSSWIRE_CONTEXT), ...Object.keys(MATCH_CONTEXT)].filter(
      (k) => !k.startsWith('@') && k !== 'crosswire',
    );
    expect(ours.filter((k) => !used.has(k))).toEqual([]);
  });

  it('loses a field whose term the context lacks (the check can fail)', async () => {
    const { sentence: _, ...withoutSentence } = MATCH_CONTEXT;
    const context = [
      ANNO_CONTEXT,
      {
        ...CROSSWIRE_CONTEXT,
        'crosswire:matches': { ...CROSSWIRE_CONTEXT['crosswire:matches'], '@context': withoutSentence },
      },
    ];
    const doc = docs['the popup’s page export (notes, detections, matches)']!;
    const back = await roundTrip({ ...doc, '@context': context }, context);
    expect(lost(doc, back).length).toBeGreaterThan(0);
    expect(lost(doc, back).every((path) => path.endsWith('.sentence'))).toBe(true);
  });
});

describe('the Crosswire context', () => {
  it('is documented term by term in docs/jsonld-context.md', () => {
    const doc = readFileSync(new URL('../../../docs/jsonld-context.md', import.meta.url), 'utf8');
    const terms = [...BODY_TERMS.map((t) => `crosswire:${t}`), 'crosswire:url', 'crosswire:canonicalUrl'];
    const all = [...terms, 'crosswire:candidates', 'crosswire:matches', ...Object.keys(MATCH_CONTEXT)];
    expect(all.filter((t) => !doc.includes(`\`${t}\``))).toEqual([]);
  });

  describe('as the build ships it', () => {
    beforeAll(ensureBuilt);
    it.each(['chrome', 'firefox'])('dist/%s/crosswire-context.jsonld', (browser) => {
      expect(readFileSync(join(DIST, browser, 'crosswire-context.jsonld'), 'utf8')).toBe(contextDocument());
    });
  });
});
