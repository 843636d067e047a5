// The demo news site (npm start and the highlight tests): the three corpus articles laid
// out as article pages on their outlets' hostnames, plus two written for the demo that are
// not in the corpus: another outlet's version of the 12 March 2012 story, and an unrelated one.
import { readFileSync } from 'node:fs';
import { cleanArticle } from '../core/corpus/clean';
import { articlePage } from './server';

export interface DemoPage {
  /** "host/path", as the server answers it. */
  key: string;
  url: string;
  site: string;
  title: string;
  published: string;
  /** Which seed or demo article it shows. */
  source: string;
  inCorpus: boolean;
}

const SEEDS = new URL('../core/corpus/seeds/', import.meta.url);
const ARTICLES = new URL('./articles/', import.meta.url);

const PAGES: Omit<DemoPage, 'url' | 'title'>[] = [
  {
    key: 'www.cbc.ca/news/world/u-s-russia-split-over-syrian-killings-at-un-talks-1.1167479',
    site: 'CBC News',
    published: '2012-03-12',
    source: 'seeds/000_b80d3aa3a014407e.txt',
    inCorpus: true,
  },
  {
    key: 'www.voanews.com/a/us-britain-russia-call-for-halt-to-syria-violence',
    site: 'Voice of America',
    published: '2012-03-12',
    source: 'seeds/001_8197e9eca9f9e2dc.txt',
    inCorpus: true,
  },
  {
    key: 'www.rt.com/news/russia-us-urgent-meeting-903/',
    site: 'RT',
    published: '2011-09-20',
    source: 'seeds/002_377b34821ee142f4.txt',
    inCorpus: true,
  },
  {
    key: 'www.aljazeera.com/news/2012/3/12/clinton-and-lavrov-trade-blame-over-syria-at-un',
    site: 'Al Jazeera',
    published: '2012-03-12',
    source: 'articles/aljazeera-2012-03-12.txt',
    inCorpus: false,
  },
  {
    key: 'www.dw.com/en/bonn-climate-talks-end-with-little-progress/a-15978001',
    site: 'DW',
    published: '2012-05-25',
    source: 'articles/dw-2012-05-25.txt',
    inCorpus: false,
  },
];

/** Headlines recorded for the seeds (seeds.json); VOA's was not recorded and is not invented. */
const SEED_HEADLINES = Object.fromEntries(
  (JSON.parse(readFileSync(new URL('seeds.json', SEEDS), 'utf8')) as { file: string; headline: string | null }[]).map(
    (s) => [`seeds/${s.file}`, s.headline],
  ),
);

/** The demo pages and their HTML, keyed as the server wants them. */
export function demoSite(): { pages: DemoPage[]; html: Record<string, string> } {
  const html: Record<string, string> = {};
  const pages = PAGES.map((p) => {
    const [dir, file] = p.source.split('/') as [string, string];
    const raw = readFileSync(new URL(file, dir === 'seeds' ? SEEDS : ARTICLES), 'utf8');
    const clean = cleanArticle(raw);
    const blocks = clean.blocks.map((b) => ({ kind: b.kind, text: clean.text.slice(b.start, b.end) }));
    const body = blocks.filter((b) => b.kind !== 'headline' && b.kind !== 'credit');
    // A first short line written as a headline (the demo articles) is the page title.
    const firstIsTitle = dir === 'articles';
    const title =
      clean.headline ??
      SEED_HEADLINES[p.source] ??
      (firstIsTitle ? body[0]!.text : `${p.site}, ${p.published} (headline not recorded)`);
    const paragraphs = (firstIsTitle && !clean.headline ? body.slice(1) : body).map((b) => b.text);
    const subheads = new Set(
      (firstIsTitle && !clean.headline ? body.slice(1) : body).flatMap((b, i) => (b.kind === 'subhead' ? [i] : [])),
    );
    const credit = blocks.find((b) => b.kind === 'credit')?.text;
    const url = `https://${p.key}`;
    html[p.key] = articlePage({
      site: p.site,
      title,
      canonical: url,
      published: p.published,
      paragraphs,
      subheads,
      ...(credit && { credit }),
    });
    return { ...p, url, title };
  });
  return { pages, html };
}
