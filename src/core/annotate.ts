import type { Dictionary } from './actors/dictionary';
import { defaultDictionary } from './actors/load';
import { detectActors } from './detect/actors';
import type { Mention } from './detect/mention';
import { classify } from './figures/classify';
import { scanFigures } from './figures/scan';
import { SpeakerFinder } from './quotes/speakers';
import { quoteSpans } from './quotes/spans';
import { prepare, type Doc } from './text/doc';
import { OffsetIndex } from './text/offset-index';
import type { ActorAnnotation, AnnotateOptions, Annotation, FigureAnnotation, QuoteAnnotation } from './types';

/**
 * Annotate a news text: every actor mention, checkable figure and quotation, with offsets
 * into `text`. Pure: no DOM, no I/O; the dictionary is built once and reused.
 */
export function annotate(text: string, options: AnnotateOptions & { dictionary?: Dictionary } = {}): Annotation[] {
  const dict = options.dictionary ?? defaultDictionary();
  const published = options.published && /^\d{4}-\d{2}-\d{2}$/.test(options.published) ? options.published : null;
  const doc = prepare(text);
  const actors = detectActors(doc, dict, published).map((m, i) => actorAnnotation(doc, m, i));
  const finder = new SpeakerFinder(
    doc.text,
    doc.sentences,
    doc.paragraphs,
    new OffsetIndex(actors),
    quoteSpans(doc.text, doc.paragraphs),
  );
  const quotes = quoteAnnotations(doc, finder);
  const figures = figureAnnotations(doc, actors, quotes, finder);
  // "US$1.4 billion" names a currency, not the United States.
  const inFigure = new OffsetIndex(figures);
  const kept = actors.filter((a) => !inFigure.containing(a.start, a.end));
  return [...kept, ...figures, ...quotes].sort((a, b) => a.start - b.start || b.end - a.end);
}

function actorAnnotation(doc: Doc, m: Mention, i: number): ActorAnnotation {
  const start = doc.tokens.start[m.first]!;
  const end = doc.tokens.end[m.last]!;
  const a: ActorAnnotation = {
    id: `a${i}`,
    kind: 'actor',
    start,
    end,
    text: doc.text.slice(start, end),
    confidence: m.confidence,
    actorId: m.actor?.id ?? null,
    label: m.actor?.name ?? doc.text.slice(start, end),
    actorType: m.actor?.type ?? 'person',
    via: m.via,
  };
  if (m.candidates) a.candidates = m.candidates;
  if (m.locational) a.locational = true;
  if (m.role) a.role = m.role;
  if (m.actor?.type === 'state') a.iso = m.actor.iso;
  return a;
}

function quoteAnnotations(doc: Doc, finder: SpeakerFinder): QuoteAnnotation[] {
  const speakers = finder.speakers();
  return finder.quotes.map((q, i) => {
    const speaker = speakers[i]!;
    return {
      id: `q${i}`,
      kind: 'quote',
      start: q.start,
      end: q.end,
      text: doc.text.slice(q.start, q.end),
      confidence: speaker.id ? 0.85 : speaker.label ? 0.6 : 0.4,
      speakerId: speaker.id,
      speaker: speaker.label,
      partial: finder.partial(q),
    };
  });
}

function figureAnnotations(
  doc: Doc,
  actors: ActorAnnotation[],
  quotes: QuoteAnnotation[],
  finder: SpeakerFinder,
): FigureAnnotation[] {
  const ctx = {
    text: doc.text,
    sentences: doc.sentences,
    actors: new OffsetIndex(actors),
    quotes: new OffsetIndex(quotes),
    pronoun: (at: number) => finder.pronoun(at),
  };
  // classify answers null for numbers not worth checking ("two pumpkin pies").
  const read = scanFigures(doc.text, doc.tokens).flatMap((f) => {
    const c = classify(f, ctx);
    return c ? [{ f, c }] : [];
  });
  return read.map(({ f, c }, i) => {
    const fig: FigureAnnotation = {
      id: `f${i}`,
      kind: 'figure',
      start: f.start,
      end: c.end,
      text: doc.text.slice(f.start, c.end),
      confidence: f.value === null && f.low === undefined ? 0.6 : 0.85,
      value: f.value,
      unit: c.unit,
      counts: c.counts,
      qualifier: f.qualifier ?? (c.estimated ? 'estimated' : null),
    };
    if (f.low !== undefined) [fig.low, fig.high] = [f.low, f.high!];
    if (f.against !== undefined) fig.against = f.against;
    if (c.subject) fig.subject = c.subject;
    if (c.attribution) fig.attribution = c.attribution;
    return fig;
  });
}
