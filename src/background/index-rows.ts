import type { CorpusArticle } from '../core/corpus/types';
import { spanIndexAt } from '../core/text/sentences';
import type { IndexRow, MentionEntry } from './db';

/** An article's index record, and the actors it names (each counted once in the actors' statistics). */
export interface IndexRows {
  row: IndexRow;
  actorIds: string[];
}

/** Derive an article's index record from its annotations (it is rebuilt, never edited). */
export function indexRows(article: CorpusArticle, quoteShingles: (text: string) => number[]): IndexRows {
  const published = article.published ?? '';
  const sentenceOf = (offset: number) => Math.max(0, spanIndexAt(article.sentences, offset));
  // Each sentence's text once, however many entries cite it.
  const texts = new Map<string, number>();
  const textOf = (index: number, fallback: string) => {
    const s = article.sentences[index];
    const text = s ? article.text.slice(s.start, s.end) : fallback;
    let at = texts.get(text);
    if (at === undefined) texts.set(text, (at = texts.size));
    return at;
  };
  const mentions = new Map<string, MentionEntry>();
  const row: IndexRow = {
    articleId: article.id,
    outlet: article.outlet,
    published,
    actorKeys: [],
    figureKeys: [],
    shingles: [],
    mentions: [],
    figures: [],
    quotes: [],
    texts: [],
  };
  for (const a of article.annotations) {
    if (a.kind === 'actor' && a.actorId) {
      const sentence = sentenceOf(a.start);
      const key = `${a.actorId}|${sentence}`;
      const mention = mentions.get(key) ?? {
        actorId: a.actorId,
        sentence,
        text: textOf(sentence, a.text),
        forms: [],
      };
      if (!mention.forms.includes(a.text)) mention.forms.push(a.text);
      mentions.set(key, mention);
    } else if (a.kind === 'figure') {
      row.figures.push({
        counts: a.counts,
        subject: a.subject ?? '',
        figure: a,
        text: textOf(sentenceOf(a.start), a.text),
      });
    } else if (a.kind === 'quote') {
      row.quotes.push({ quote: a, shingles: quoteShingles(a.text) });
    }
  }
  row.mentions = [...mentions.values()];
  row.texts = [...texts.keys()];
  const actorIds = [...new Set(row.mentions.map((m) => m.actorId))];
  row.actorKeys = actorIds.map((id) => [id, published, article.id]);
  row.figureKeys = uniqueTuples(row.figures.map((f) => [f.counts, f.subject, published]));
  row.shingles = [...new Set(row.quotes.flatMap((q) => q.shingles))];
  return { row, actorIds };
}

function uniqueTuples(keys: [string, string, string][]): [string, string, string][] {
  const seen = new Map(keys.map((k) => [k.join('\u0000'), k]));
  return [...seen.values()];
}
