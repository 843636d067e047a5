import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBundledCorpus, type Seed } from '../../../src/core/corpus/bundled';
import { outletProfiles } from '../../../src/core/corpus/outlets';
import { parseSeedList } from '../../../src/core/corpus/seed-list';
import { goldFiles } from '../gold';

const SEEDS = new URL('../../../src/core/corpus/seeds/', import.meta.url);
const entries = parseSeedList(JSON.parse(readFileSync(new URL('seeds.json', SEEDS), 'utf8')));
const seeds: Seed[] = entries.map(({ file, meta }) => ({
  raw: readFileSync(new URL(file, SEEDS), 'utf8'),
  meta,
  name: file,
}));

describe('seeds.json', () => {
  it('names the seed files the gold annotations describe, each holding every surface and quote they record', () => {
    const golds = goldFiles();
    expect(golds.map(({ gold }) => gold.file)).toEqual(entries.map((e) => e.file));
    for (const { gold, text } of golds) {
      const recorded = [
        ...gold.actors.flatMap((a) => a.mentions.map((m) => m.surface)),
        ...gold.figures.flatMap((f) => [f.surface, f.sentence_start]),
        ...gold.quotes.map((q) => q.text),
      ];
      expect(recorded.length, gold.file).toBeGreaterThan(20);
      expect(
        recorded.filter((r) => !text.includes(r)),
        gold.file,
      ).toEqual([]);
    }
  });

  it('describes the three seed articles', () => {
    expect(entries.map((e) => [e.file, e.meta.outlet, e.meta.published, e.meta.wire])).toEqual([
      ['000_b80d3aa3a014407e.txt', 'cbc.ca', '2012-03-12', 'AP'],
      ['001_8197e9eca9f9e2dc.txt', 'voanews.com', '2012-03-12', null],
      ['002_377b34821ee142f4.txt', 'rt.com', '2011-09-20', null],
    ]);
    expect(entries[0]!.meta.canonicalUrl).toBe(
      'https://cbc.ca/news/world/u-s-russia-split-over-syrian-killings-at-un-talks-1.1167479',
    );
    expect(entries[1]!.meta).toMatchObject({ url: null, canonicalUrl: null, headline: null });
  });

  it('is checked, each problem naming its entry', () => {
    const bad = [
      { file: '../etc/passwd', outlet: '', url: 'nope', published: '12 March 2012', headline: 3, wire: null },
      null,
    ];
    expect(() => parseSeedList(bad)).toThrow(
      [
        'seeds.json is invalid:',
        '- seeds.json[0] (../etc/passwd): file must be the name of a .txt file in the seeds folder',
        '- seeds.json[0] (../etc/passwd): outlet (a domain) is required',
        '- seeds.json[0] (../etc/passwd): url must be a web address or null',
        '- seeds.json[0] (../etc/passwd): published must be YYYY-MM-DD or null',
        '- seeds.json[0] (../etc/passwd): headline must be a string or null',
        '- seeds.json[1]: not an object',
      ].join('\n'),
    );
  });
});

describe('buildBundledCorpus', () => {
  const corpus = buildBundledCorpus(seeds, outletProfiles());

  it('holds the three seeds, cleaned and annotated, and every outlet profile', () => {
    expect(corpus.articles.map((a) => [a.outlet, a.published, a.headline, a.wire, a.origin])).toEqual([
      ['cbc.ca', '2012-03-12', 'U.S., Russia split over Syrian killings at UN talks', 'AP', 'bundled'],
      ['voanews.com', '2012-03-12', null, null, 'bundled'],
      ['rt.com', '2011-09-20', 'Lavrov rebuffs Clinton call to turn screw on Syria', null, 'bundled'],
    ]);
    for (const a of corpus.articles) {
      expect(a.blocks.length).toBeGreaterThan(3);
      expect(a.sentences.length).toBeGreaterThan(10);
      expect(a.annotations.filter((x) => x.kind === 'actor').length).toBeGreaterThan(30);
    }
    expect(new Set(corpus.articles.map((a) => a.id)).size).toBe(3);
    expect(corpus.outlets).toEqual(outletProfiles());
  });

  it('has a version that changes with the articles, and only then', () => {
    expect(corpus.version).toMatch(/^[0-9a-f]{16}$/);
    expect(buildBundledCorpus(seeds, outletProfiles()).version).toBe(corpus.version);
    const edited = seeds.map((s, i) => (i === 1 ? { ...s, raw: s.raw.replace('7,500', '8,000') } : s));
    expect(buildBundledCorpus(edited, outletProfiles()).version).not.toBe(corpus.version);
  });

  it('throws naming the article that yields no text, no annotations or an unknown outlet', () => {
    const at = (i: number, change: Partial<Seed>) => seeds.map((s, j) => (j === i ? { ...s, ...change } : s));
    expect(() => buildBundledCorpus(at(1, { raw: 'Advertisement\n\n\u00a0\n' }), outletProfiles())).toThrow(
      'bundled corpus: 001_8197e9eca9f9e2dc.txt: yields no text after cleaning',
    );
    expect(() => buildBundledCorpus(at(2, { raw: 'The weather was mild all week.' }), outletProfiles())).toThrow(
      'bundled corpus: 002_377b34821ee142f4.txt: yields no annotations',
    );
    expect(() =>
      buildBundledCorpus(at(0, { meta: { ...seeds[0]!.meta, outlet: 'example.com' } }), outletProfiles()),
    ).toThrow('bundled corpus: 000_b80d3aa3a014407e.txt: outlet "example.com" has no profile in outlets.json');
    expect(() => buildBundledCorpus([seeds[2]!, { ...seeds[2]!, name: 'copy.txt' }], outletProfiles())).toThrow(
      /copy\.txt: has the same id \(a-[0-9a-f]+\) as 002_/,
    );
  });
});
