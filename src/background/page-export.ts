import { summaryFigure } from '../core/match/summarize';
import { notesToCsv } from '../core/notes/csv';
import { articleReport, type ArticleReportInput } from '../core/notes/report';
import type { Note } from '../core/notes/types';
import { notesToWebAnnotation } from '../core/notes/web-annotation';
import type { Annotation, FigureAnnotation, QuoteAnnotation } from '../core/types';
import type { StoryVersion } from '../messages';
import { QUOTE_RELATION } from '../shared/words';
import type { Ask } from './CorpusControls';
import type { PageFacts } from './page-state';
import { pageActors } from './views/ActorsView';
import { pageFigures, quantity } from './views/FiguresView';
import { pageQuotes } from './views/QuotesView';

export type PageExportKind = 'jsonld' | 'csv' | 'markdown';

export interface PageExport {
  filename: string;
  data: string;
  mime: string;
}

/**
 * This page's annotations as a file: JSON-LD (the engine's detections with what other outlets
 * say about each, and the reader's notes), CSV of the notes, or a Markdown report. The
 * cross-outlet answers are asked for here, once, when the reader exports.
 */
export async function pageExport(
  kind: PageExportKind,
  facts: PageFacts,
  notes: Note[],
  orphans: Note[],
  versions: StoryVersion[],
  ask: Ask,
  outletName: (id: string) => string,
  now = new Date(),
): Promise<PageExport> {
  const stem = `crosswire-${facts.outlet.id.replace(/[^a-z0-9.-]+/gi, '-')}-${facts.page.published ?? now.toISOString().slice(0, 10)}`;
  const all = [...notes, ...orphans];
  if (kind === 'csv') return { filename: `${stem}-notes.csv`, data: notesToCsv(all), mime: 'text/csv' };
  const exclude = { excludeArticleId: facts.articleId };
  const published = facts.page.published ?? null;
  const figureQuery = (f: FigureAnnotation) => {
    const { attribution: _, ...numbers } = summaryFigure(f);
    return { ...numbers, published };
  };
  if (kind === 'jsonld') {
    const matches: Record<string, unknown> = {};
    await Promise.all(
      facts.annotations.map(async (a: Annotation) => {
        if (a.kind === 'actor' && a.actorId) {
          const r = await ask({ type: 'mentions-of', actorId: a.actorId, ...exclude });
          if (r.ok)
            matches[a.id] = r.value.flatMap((g) =>
              g.articles.map((x) => ({
                outlet: g.outlet.id,
                articleId: x.articleId,
                url: x.url,
                sentence: x.sentences[0] ?? null,
              })),
            );
        } else if (a.kind === 'figure') {
          const r = await ask({ type: 'figures-like', figure: figureQuery(a), ...exclude });
          if (r.ok)
            matches[a.id] = {
              verdict: r.value.verdict,
              explanation: r.value.explanation,
              values: r.value.items.map((i) => ({
                outlet: i.outlet,
                articleId: i.articleId,
                text: i.text,
                agrees: i.agrees,
              })),
            };
        } else if (a.kind === 'quote') {
          const r = await ask({ type: 'quotes-like', text: a.text, ...exclude });
          if (r.ok)
            matches[a.id] = r.value.map((m) => ({
              outlet: m.outlet,
              articleId: m.articleId,
              kind: QUOTE_RELATION[m.kind],
              text: m.quote.text,
            }));
        }
      }),
    );
    const source = facts.page.canonical ?? facts.page.url ?? facts.articleId;
    const doc = notesToWebAnnotation(all, {
      now,
      label: `Crosswire: ${facts.page.headline ?? source}`,
      texts: { [facts.articleId]: facts.page.text },
      detections: [{ source, text: facts.page.text, annotations: facts.annotations, matches }],
    });
    return { filename: `${stem}.jsonld`, data: `${JSON.stringify(doc, null, 1)}\n`, mime: 'application/ld+json' };
  }
  const report: ArticleReportInput = {
    title: facts.page.headline ?? null,
    url: facts.page.url ?? facts.page.canonical ?? '',
    outlet: facts.outlet.name,
    published,
    actors: await Promise.all(
      pageActors(facts.annotations).map(async (a) => {
        const r = await ask({ type: 'mentions-of', actorId: a.id, ...exclude });
        const outlets = r.ok
          ? r.value.map((g) => ({
              outlet: g.outlet.name,
              sentence: g.articles[0]?.sentences[0] ?? '',
              url: g.articles[0]?.url ?? null,
            }))
          : [];
        return { label: a.label, type: a.type, mentions: a.mentions, outlets };
      }),
    ),
    figures: await Promise.all(
      pageFigures(facts.annotations).map(async (f) => {
        const r = await ask({ type: 'figures-like', figure: figureQuery(f), ...exclude });
        return {
          text: f.text,
          quantity: quantity(f),
          attribution: f.attribution?.label ?? null,
          others: r.ok
            ? r.value.items.map((i) => ({
                outlet: outletName(i.outlet),
                published: i.published,
                text: i.text,
                agrees: i.agrees,
              }))
            : [],
          explanation: r.ok && r.value.items.length ? r.value.explanation : null,
        };
      }),
    ),
    quotes: await Promise.all(
      pageQuotes(facts.annotations).map(async (q: QuoteAnnotation) => {
        const r = await ask({ type: 'quotes-like', text: q.text, ...exclude });
        const found = new Map((r.ok ? r.value : []).map((m) => [m.articleId, QUOTE_RELATION[m.kind]]));
        return {
          text: q.text,
          speaker: q.speaker,
          others: versions.map((v) => ({
            outlet: outletName(v.outlet),
            kind: found.get(v.articleId) ?? ('absent' as const),
          })),
        };
      }),
    ),
    notes,
    orphans,
  };
  return { filename: `${stem}-report.md`, data: articleReport(report, now), mime: 'text/markdown' };
}
