import { readFileSync } from 'node:fs';
import { annotate } from '../../../src/core/annotate';
import {
  summarize,
  type ArticleSummary,
  type CorpusStats,
  type FigureCandidate,
  type QuoteCandidate,
} from '../../../src/core/match';
import { sentences, spanIndexAt } from '../../../src/core/text/sentences';
import type { Annotation, FigureAnnotation } from '../../../src/core/types';
import { SEEDS } from '../../fixtures/paths';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

export interface Story {
  summary: ArticleSummary;
  text: string;
  annotations: Annotation[];
}

function story(id: string, outlet: string, published: string, headline: string | null, text: string): Story {
  const annotations = annotate(text, { published });
  const summary = summarize({ id, outlet, published, headline, url: null, text, annotations });
  return { summary, text, annotations };
}

interface Recipe {
  seed: string;
  id: string;
  outlet: string;
  published: string;
  headline: string;
  dropParagraphsStartingWith: string[];
  replace: [string, string][];
}

/** Fixture (a): the CBC seed edited into another outlet's run of the AP story. */
function reprint(): Story {
  const r = JSON.parse(fixture('ap-reprint.edits.json')) as Recipe;
  let text = readFileSync(`${SEEDS}${r.seed}`, 'utf8');
  for (const [from, to] of r.replace) {
    if (!text.includes(from)) throw new Error(`ap-reprint: "${from}" is not in ${r.seed}`);
    text = text.replaceAll(from, to);
  }
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p && !r.dropParagraphsStartingWith.some((d) => p.startsWith(d)));
  return story(r.id, r.outlet, r.published, r.headline, [r.headline, ...paragraphs].join('\n\n'));
}

const seed = (file: string) => readFileSync(`${SEEDS}${file}`, 'utf8');
const firstLine = (text: string) => text.slice(0, text.indexOf('\n'));

export type Stories = ReturnType<typeof build>;
let built: Stories | undefined;

/** The seeds and the fixtures, annotated and summarised once for all the tests. */
export function stories(): Stories {
  built ??= build();
  return built;
}

function build() {
  const brief = fixture('brief.txt');
  const asean = fixture('asean-summit.txt');
  return {
    cbc: story(
      '000',
      'cbc.ca',
      '2012-03-12',
      'U.S., Russia split over Syrian killings at UN talks',
      seed('000_b80d3aa3a014407e.txt'),
    ),
    voa: story('001', 'voanews.com', '2012-03-12', null, seed('001_8197e9eca9f9e2dc.txt')),
    rt: story(
      '002',
      'rt.com',
      '2011-09-20',
      'Lavrov rebuffs Clinton call to turn screw on Syria',
      seed('002_377b34821ee142f4.txt'),
    ),
    reprint: reprint(),
    brief: story('fixture-brief', 'brief.example', '2012-03-13', firstLine(brief), brief),
    asean: story('fixture-asean', 'asean.example', '2012-04-04', firstLine(asean), asean),
  };
}

/** Rarity statistics over a set of summaries, as the background keeps them for the corpus. */
export function statsOf(summaries: ArticleSummary[]): CorpusStats {
  const df = new Map<string, number>();
  for (const s of summaries) for (const id of Object.keys(s.actors)) df.set(id, (df.get(id) ?? 0) + 1);
  return { totalArticles: summaries.length, articlesMentioning: (id) => df.get(id) ?? 0 };
}

/** A story's figures as the background hands them to figuresLike, with their sentences. */
export function figureCandidates(story: Story): FigureCandidate[] {
  const spans = sentences(story.text);
  const { id, outlet, published } = story.summary;
  return story.annotations
    .filter((a): a is FigureAnnotation => a.kind === 'figure')
    .map((f, i) => {
      const s = spans[Math.max(0, spanIndexAt(spans, f.start))];
      return {
        ...story.summary.figures[i]!,
        articleId: id,
        outlet,
        published,
        sentence: s ? story.text.slice(s.start, s.end) : f.text,
      };
    });
}

/** A story's quotes as the background hands them to quotesLike. */
export function quoteCandidates(story: Story): QuoteCandidate[] {
  const { id, outlet, published } = story.summary;
  return story.summary.quotes.map((quote) => ({ articleId: id, outlet, published, quote }));
}
