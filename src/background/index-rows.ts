import type { CorpusArticle } from '../core/corpus/types';
import { spanIndexAt } from '../core/text/sentences';
import type { FigureRow, MentionRow, QuoteRow } from './db';

/** The rows that index one article: who it names in which sentence, its figures, its quotes. */
export interface IndexRows {
  mentions: MentionRow[];
  figures: FigureRow[];
  quotes: QuoteRow[];
  actorIds: string[];
}

/** Derive an article's index rows from its annotations (they are rebuilt, never edited). */
export function indexRows(article: CorpusArticle, quoteShingles: (text: string) => number[]): IndexRows {
  const source = { articleId: article.id, outlet: article.outlet, published: article.published ?? '' };
  const sentenceOf = (offset: number) => Math.max(0, spanIndexAt(article.sentences, offset));
  const mentions = new Map<string, MentionRow>();
  const figures: FigureRow[] = [];
  const quotes: QuoteRow[] = [];
  for (const a of article.annotations) {
    if (a.kind === 'actor' && a.actorId) {
      const sentence = sentenceOf(a.start);
      const s = article.sentences[sentence];
      const key = `${a.actorId}|${sentence}`;
      const row = mentions.get(key) ?? {
        ...source,
        actorId: a.actorId,
        sentence,
        sentenceText: s ? article.text.slice(s.start, s.end) : a.text,
        forms: [],
      };
      if (!row.forms!.includes(a.text)) row.forms!.push(a.text);
      mentions.set(key, row);
    } else if (a.kind === 'figure') {
      const s = article.sentences[sentenceOf(a.start)];
      figures.push({
        ...source,
        counts: a.counts,
        subject: a.subject ?? '',
        figure: a,
        sentenceText: s ? article.text.slice(s.start, s.end) : a.text,
      });
    } else if (a.kind === 'quote') {
      quotes.push({ ...source, quote: a, shingles: quoteShingles(a.text) });
    }
  }
  const rows = [...mentions.values()];
  return { mentions: rows, figures, quotes, actorIds: [...new Set(rows.map((m) => m.actorId))] };
}
