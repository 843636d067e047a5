/**
 * One page's annotations as a file, built in the background from the page's reading: JSON-LD
 * (the engine's detections with what other outlets say about each, and the reader's notes),
 * the notes as CSV, or a Markdown report. One request from the popup; the cross-outlet
 * answers are looked up here, once per actor, figure and quote.
 */
import type { CorpusArticle } from '../core/corpus/types';
import type { FiguresLike, QuoteMatch } from '../core/match';
import { figureQuery, pageActors, pageFigures, pageQuotes, quantity } from '../core/match/page-lists';
import { notesToCsv } from '../core/notes/csv';
import { articleReport } from '../core/notes/report';
import type { Note } from '../core/notes/types';
import { notesToWebAnnotation } from '../core/notes/web-annotation';
import type { ExportFile, MentionsByOutlet, PageExportKind, StoryVersion } from '../messages';
import { QUOTE_RELATION } from '../shared/words';

/** What the export looks up in the corpus (the corpus service, leaving the page itself out). */
export interface ExportLookups {
  mentionsOf(actorId: string): Promise<MentionsByOutlet[]>;
  figuresLike(figure: ReturnType<typeof figureQuery>): Promise<FiguresLike>;
  quotesLike(text: string): Promise<QuoteMatch[]>;
  outletName(id: string): string;
}

/** The page, its notes (`orphans`: those not found in its text now) and its story's other versions. */
export interface PageExportInput {
  article: CorpusArticle;
  notes: Note[];
  orphans: Note[];
  versions: StoryVersion[];
}

export async function pageExport(
  kind: PageExportKind,
  input: PageExportInput,
  look: ExportLookups,
  now = new Date(),
): Promise<ExportFile> {
  const { article, notes, orphans, versions } = input;
  const stem = `crosswire-${article.outlet.replace(/[^a-z0-9.-]+/gi, '-')}-${article.published ?? now.toISOString().slice(0, 10)}`;
  const all = [...notes, ...orphans];
  const file = (filename: string, data: string, mime: string): ExportFile => ({
    filename,
    data,
    mime,
    count: all.length,
  });
  if (kind === 'csv') return file(`${stem}-notes.csv`, notesToCsv(all), 'text/csv');
  const published = article.published;
  const actors = pageActors(article.annotations);
  const figures = pageFigures(article.annotations);
  const quotes = pageQuotes(article.annotations);
  // Each distinct actor, figure and quote is looked up once, whatever the number of mentions.
  const mentions = new Map(await Promise.all(actors.map(async (a) => [a.id, await look.mentionsOf(a.id)] as const)));
  const figureAnswers = new Map(
    await Promise.all(
      figures.map(async (f) => [f, await look.figuresLike(figureQuery(f, published, figures))] as const),
    ),
  );
  const quoteAnswers = new Map(
    await Promise.all(quotes.map(async (q) => [q.text, await look.quotesLike(q.text)] as const)),
  );
  if (kind === 'jsonld') {
    const matches: Record<string, unknown> = {};
    for (const a of article.annotations) {
      if (a.kind === 'actor' && a.actorId && mentions.has(a.actorId)) {
        matches[a.id] = mentions.get(a.actorId)!.flatMap((g) =>
          g.articles.map((x) => ({
            outlet: g.outlet.id,
            articleId: x.articleId,
            url: x.url,
            sentence: x.sentences[0] ?? null,
          })),
        );
      } else if (a.kind === 'figure') {
        const key = figures.find((f) => f.counts === a.counts && f.subject === a.subject && f.text === a.text);
        const r = key && figureAnswers.get(key);
        if (r)
          matches[a.id] = {
            verdict: r.verdict,
            explanation: r.explanation,
            values: r.items.map((i) => ({ outlet: i.outlet, articleId: i.articleId, text: i.text, agrees: i.agrees })),
          };
      } else if (a.kind === 'quote') {
        const r = quoteAnswers.get(a.text);
        if (r)
          matches[a.id] = r.map((m) => ({
            outlet: m.outlet,
            articleId: m.articleId,
            kind: QUOTE_RELATION[m.kind],
            text: m.quote.text,
          }));
      }
    }
    const source = article.canonicalUrl ?? article.url ?? article.id;
    const doc = notesToWebAnnotation(all, {
      now,
      label: `Crosswire: ${article.headline ?? source}`,
      texts: { [article.id]: article.text },
      detections: [{ source, text: article.text, annotations: article.annotations, matches }],
    });
    return file(`${stem}.jsonld`, `${JSON.stringify(doc, null, 1)}\n`, 'application/ld+json');
  }
  const report = articleReport(
    {
      title: article.headline,
      url: article.url ?? article.canonicalUrl ?? '',
      outlet: look.outletName(article.outlet),
      published,
      actors: actors.map((a) => ({
        label: a.label,
        type: a.type,
        mentions: a.mentions,
        outlets: (mentions.get(a.id) ?? []).map((g) => ({
          outlet: g.outlet.name,
          sentence: g.articles[0]?.sentences[0] ?? '',
          url: g.articles[0]?.url ?? null,
        })),
      })),
      figures: figures.map((f) => {
        const r = figureAnswers.get(f)!;
        return {
          text: f.text,
          quantity: quantity(f),
          attribution: f.attribution?.label ?? null,
          others: r.items.map((i) => ({
            outlet: look.outletName(i.outlet),
            published: i.published,
            text: i.text,
            agrees: i.agrees,
          })),
          explanation: r.items.length ? r.explanation : null,
        };
      }),
      quotes: quotes.map((q) => {
        const found = new Map((quoteAnswers.get(q.text) ?? []).map((m) => [m.articleId, QUOTE_RELATION[m.kind]]));
        return {
          text: q.text,
          speaker: q.speaker,
          others: versions.map((v) => ({
            outlet: look.outletName(v.outlet),
            kind: found.get(v.articleId) ?? ('absent' as const),
          })),
        };
      }),
      notes,
      orphans,
    },
    now,
  );
  return file(`${stem}-report.md`, report, 'text/markdown');
}
