/**
 * The evaluation set of ../shared/eval (real articles by other outlets, annotated by hand in
 * the conventions of the seeds' gold, plus those of eval/README.md), and its scoring: actor
 * mentions, figure values, quote speakers, and whether the wire copies in it are recognised.
 * The texts stay in ../shared; only scores are written into the project.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Dictionary } from '../../src/core/actors/dictionary';
import { annotate } from '../../src/core/annotate';
import { storyMatch, summarize } from '../../src/core/match';
import type { ArticleSummary, StoryLabel } from '../../src/core/match';
import type { Annotation, FigureAnnotation, QuoteAnnotation } from '../../src/core/types';
import { EVAL } from '../fixtures/paths';
import { checkQuotes, type GoldFile, idFor, locateFigure } from './gold';

export interface EvalGold extends GoldFile {
  language: string;
  wire: string | null;
  headline: string | null;
  published: string;
  actors: (GoldFile['actors'][number] & { role?: string })[];
}

export interface EvalArticle {
  id: string;
  gold: EvalGold;
  text: string;
}

export const HAVE_EVAL = existsSync(`${EVAL}README.md`);

/**
 * Articles of the set that are not about diplomacy, chosen for their traps (eval/README.md):
 * there, at most one non-figure per article may be taken as a figure.
 */
export const TRAP_ARTICLES = ['C08', 'C09', 'C10', 'C11', 'C12', 'C13', 'C14', 'C15'];

/**
 * Pairs of articles that are one wire story run twice, or one article republished with edits
 * (eval/README.md): each should be labelled a syndicated copy of the other.
 */
export const WIRE_PAIRS: [string, string][] = [
  ['A01', 'A02'],
  ['A03', 'A04'],
  ['B01', 'B02'],
  ['B03', 'B04'],
  ['C01', 'C02'],
];
/** Two reports of one event that are not copies of each other (C03 and C04: one vote). */
export const SAME_EVENT_PAIRS: [string, string][] = [['C03', 'C04']];

export function evalArticles(): EvalArticle[] {
  return readdirSync(EVAL)
    .filter((f) => /^[A-Z]\d+\.json$/.test(f))
    .sort()
    .map((f) => {
      const gold = JSON.parse(readFileSync(`${EVAL}${f}`, 'utf8')) as EvalGold;
      return { id: f.replace('.json', ''), gold, text: readFileSync(`${EVAL}${gold.file}`, 'utf8') };
    });
}

/** People outside politics (eval/README.md): finding them is neither rewarded nor penalised. */
const nonPolitical = (gold: EvalGold) => gold.actors.filter((a) => a.role?.startsWith('Non-political:'));

/** Arabic prefixes the gold leaves out of its surfaces ("و" in "وواشنطن"); a boundary when counting. */
const ARABIC_PREFIX = /^[وبلفك]/u;

export interface ActorCounts {
  truePositives: number;
  ours: number;
  gold: number;
  missed: string[];
  extra: string[];
}

/** Mentions compared as (actor, surface) counts, as the gold records them (see gold.ts). */
export function scoreEvalActors(dict: Dictionary, gold: EvalGold, anns: Annotation[]): ActorCounts {
  const skipNames = new Set(nonPolitical(gold).map((a) => a.name));
  const skipSurfaces = new Set(nonPolitical(gold).flatMap((a) => a.mentions.map((m) => m.surface)));
  const key = (id: string | null, surface: string) => `${id}|${surface}`;
  const want = new Map<string, number>();
  const surfacesOf = new Map<string, Set<string>>();
  for (const a of gold.actors) {
    if (skipNames.has(a.name)) continue;
    const id = idFor(dict, a.name, a.aka);
    for (const m of a.mentions) {
      want.set(key(id, m.surface), (want.get(key(id, m.surface)) ?? 0) + m.count);
      surfacesOf.set(id, (surfacesOf.get(id) ?? new Set()).add(m.surface));
    }
  }
  const got = new Map<string, number>();
  for (const a of anns) {
    if (a.kind !== 'actor' || a.via === 'role') continue;
    // Someone outside politics found as a person: optional either way.
    if (a.actorType === 'person' && [...skipSurfaces].some((s) => s.includes(a.text) || a.text.includes(s))) continue;
    let surface = a.text;
    const stripped = surface.replace(ARABIC_PREFIX, '');
    if (gold.language === 'ar' && stripped !== surface && surfacesOf.get(a.actorId ?? '')?.has(stripped))
      surface = stripped;
    got.set(key(a.actorId, surface), (got.get(key(a.actorId, surface)) ?? 0) + 1);
  }
  let truePositives = 0;
  const missed: string[] = [];
  const extra: string[] = [];
  for (const [k, n] of want) {
    const have = got.get(k) ?? 0;
    truePositives += Math.min(n, have);
    if (have < n) missed.push(`${k} x${n - have}`);
  }
  for (const [k, n] of got) if (n > (want.get(k) ?? 0)) extra.push(`${k} x${n - (want.get(k) ?? 0)}`);
  const sum = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + n, 0);
  return { truePositives, ours: sum(got), gold: sum(want), missed, extra };
}

const close = (a: number | null | undefined, b: number | null | undefined) =>
  (a ?? null) === (b ?? null) || (a != null && b != null && Math.abs(a - b) <= Math.abs(b) * 1e-3);

/** Each gold figure, ours over it, and whether the value (or range) is right. Then ours over no gold figure. */
export function scoreEvalFigures(text: string, gold: EvalGold, anns: Annotation[]) {
  const figures = anns.filter((a): a is FigureAnnotation => a.kind === 'figure');
  const places = gold.figures.map((g) => locateFigure(text, g));
  const checked = gold.figures.map((g, i) => {
    const at = places[i]!;
    const ours = figures.find((a) => a.start < at.end && a.end > at.start);
    const ok = !!ours && close(ours.value, g.value) && close(ours.low, g.low) && close(ours.high, g.high);
    return { gold: g, ours, ok };
  });
  const spurious = figures.filter((a) => !places.some((at) => a.start < at.end && a.end > at.start));
  return { checked, spurious };
}

/** Each gold quote with ours and whether the speaker agrees; then quotes of ours the gold lacks. */
export function scoreEvalQuotes(dict: Dictionary, gold: EvalGold, anns: Annotation[]) {
  const checked = checkQuotes(dict, gold, anns);
  const trim = (s: string) => s.replace(/[\s.,;:!?]+$/u, '');
  const golds = new Set(gold.quotes.map((q) => trim(q.text)));
  const spurious = anns.filter((a): a is QuoteAnnotation => a.kind === 'quote' && !golds.has(trim(a.text)));
  return { checked, spurious };
}

export interface ArticleScore {
  id: string;
  language: string;
  actors: ActorCounts;
  figures: ReturnType<typeof scoreEvalFigures>;
  quotes: ReturnType<typeof scoreEvalQuotes>;
}

export function scoreArticle(dict: Dictionary, article: EvalArticle, anns: Annotation[]): ArticleScore {
  const { gold, text, id } = article;
  return {
    id,
    language: gold.language,
    actors: scoreEvalActors(dict, gold, anns),
    figures: scoreEvalFigures(text, gold, anns),
    quotes: scoreEvalQuotes(dict, gold, anns),
  };
}

export function annotateEval(article: EvalArticle): Annotation[] {
  return annotate(article.text, article.gold.published ? { published: article.gold.published } : {});
}

/** The summary the corpus would keep of an eval article. */
export function evalSummary(article: EvalArticle, anns: Annotation[]): ArticleSummary {
  return summarize({
    id: article.id,
    outlet: article.gold.outlet,
    published: article.gold.published ?? null,
    headline: article.gold.headline ?? null,
    url: null,
    text: article.text,
    annotations: anns,
  });
}

/**
 * How each article of the set labels every other: the story matcher over the whole set as a
 * corpus (each article's actors counted across the set).
 */
export function labelsAcross(articles: EvalArticle[], annotations: Annotation[][]): Map<string, StoryLabel> {
  const summaries = articles.map((a, i) => evalSummary(a, annotations[i]!));
  const mentioning = new Map<string, number>();
  for (const s of summaries) for (const id of Object.keys(s.actors)) mentioning.set(id, (mentioning.get(id) ?? 0) + 1);
  const stats = { totalArticles: summaries.length, articlesMentioning: (id: string) => mentioning.get(id) ?? 0 };
  const labels = new Map<string, StoryLabel>();
  for (const page of summaries)
    for (const m of storyMatch(page, summaries, stats)) labels.set(`${page.id}>${m.articleId}`, m.label);
  return labels;
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

export interface SetScore {
  /** Per language ("all" too): actor mention precision and recall. */
  actors: Record<string, { precision: number; recall: number; truePositives: number; ours: number; gold: number }>;
  figures: { right: number; total: number; share: number; worstTrapArticle: number };
  speakers: { right: number; total: number; share: number };
  wire: { recognised: number; total: number; share: number };
  /** Pairs of articles about different events that were labelled "same event". */
  wrongSameEvent: string[];
}

export function scoreSet(articles: EvalArticle[], scores: ArticleScore[], labels: Map<string, StoryLabel>): SetScore {
  const actors: SetScore['actors'] = {};
  for (const lang of ['all', ...new Set(scores.map((s) => s.language))]) {
    const of = scores.filter((s) => lang === 'all' || s.language === lang);
    const tp = of.reduce((n, s) => n + s.actors.truePositives, 0);
    const ours = of.reduce((n, s) => n + s.actors.ours, 0);
    const gold = of.reduce((n, s) => n + s.actors.gold, 0);
    actors[lang] = { precision: ratio(tp, ours), recall: ratio(tp, gold), truePositives: tp, ours, gold };
  }
  const figs = scores.flatMap((s) => s.figures.checked);
  const right = figs.filter((f) => f.ok).length;
  const worstTrapArticle = Math.max(
    0,
    ...scores.filter((s) => TRAP_ARTICLES.includes(s.id)).map((s) => s.figures.spurious.length),
  );
  const quotes = scores.flatMap((s) => s.quotes.checked);
  const said = quotes.filter((q) => q.ok).length;
  const present = new Set(articles.map((a) => a.id));
  const pairs = WIRE_PAIRS.filter(([a, b]) => present.has(a) && present.has(b)).flatMap(([a, b]) => [
    `${a}>${b}`,
    `${b}>${a}`,
  ]);
  const recognised = pairs.filter((p) => labels.get(p) === 'syndicated').length;
  const together = new Set([...WIRE_PAIRS, ...SAME_EVENT_PAIRS].flatMap(([a, b]) => [`${a}>${b}`, `${b}>${a}`]));
  const wrongSameEvent = [...labels]
    .filter(([pair, label]) => label === 'same event' && !together.has(pair))
    .map(([p]) => p);
  return {
    actors,
    figures: { right, total: figs.length, share: ratio(right, figs.length), worstTrapArticle },
    speakers: { right: said, total: quotes.length, share: ratio(said, quotes.length) },
    wire: { recognised, total: pairs.length, share: ratio(recognised, pairs.length) },
    wrongSameEvent,
  };
}

/** Score the whole set: annotate each article, score it, and match the set against itself. */
export function scoreEvalSet(dict: Dictionary, articles = evalArticles()) {
  const annotations = articles.map(annotateEval);
  const scores = articles.map((a, i) => scoreArticle(dict, a, annotations[i]!));
  const labels = labelsAcross(articles, annotations);
  return { scores, labels, set: scoreSet(articles, scores, labels) };
}
