// Checks the corpus step of `node build.mjs`: each dist/<browser>/ gets corpus.json with the
// seed articles, and a broken seed fails the step with a message naming its file.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpusJson } from '../scripts/corpus-step.mjs';
import type { BundledCorpus } from '../src/core/corpus/types';
import { DIST, REPO_ROOT } from './ensure-built';

const BROWSERS = ['chrome', 'firefox'];
const SEEDS = join(REPO_ROOT, 'src/core/corpus/seeds');

beforeAll(() => {
  // A dist/ from before the corpus step has no corpus.json: build it then.
  if (!BROWSERS.every((b) => existsSync(join(DIST, b, 'corpus.json'))))
    execFileSync(process.execPath, ['build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
});

describe.each(BROWSERS)('dist/%s/corpus.json', (browser) => {
  it('holds the three seed articles with outlet, date, structure and annotations', () => {
    const corpus = JSON.parse(readFileSync(join(DIST, browser, 'corpus.json'), 'utf8')) as BundledCorpus;
    expect(corpus.version).toMatch(/^[0-9a-f]{16}$/);
    expect(corpus.outlets.length).toBeGreaterThan(40);
    expect(corpus.articles.map((a) => [a.outlet, a.published])).toEqual([
      ['cbc.ca', '2012-03-12'],
      ['voanews.com', '2012-03-12'],
      ['rt.com', '2011-09-20'],
    ]);
    for (const a of corpus.articles) {
      expect(a.blocks.length, a.outlet).toBeGreaterThan(3);
      expect(a.sentences.length, a.outlet).toBeGreaterThan(10);
      expect(a.annotations.length, a.outlet).toBeGreaterThan(30);
      expect(a.text.slice(a.blocks.at(-1)!.start, a.blocks.at(-1)!.end).length).toBeGreaterThan(0);
    }
  });
});

describe('the corpus step', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crosswire-seeds-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds the same corpus the build wrote', async () => {
    const json = await buildCorpusJson({ root: REPO_ROOT });
    expect(json).toBe(readFileSync(join(DIST, 'chrome', 'corpus.json'), 'utf8'));
  });

  it('fails naming a seed that yields no text', async () => {
    const list = JSON.parse(readFileSync(join(SEEDS, 'seeds.json'), 'utf8')) as { file: string }[];
    for (const { file } of list) copyFileSync(join(SEEDS, file), join(dir, file));
    writeFileSync(join(dir, list[1]!.file), 'Advertisement\n\nShare on Facebook Share on Twitter Email\n');
    copyFileSync(join(SEEDS, 'seeds.json'), join(dir, 'seeds.json'));
    await expect(buildCorpusJson({ root: REPO_ROOT, seedsDir: dir })).rejects.toThrow(
      `bundled corpus: ${list[1]!.file}: yields no text after cleaning`,
    );
  });

  it('fails naming a seed file that is missing', async () => {
    rmSync(join(dir, '000_b80d3aa3a014407e.txt'));
    await expect(buildCorpusJson({ root: REPO_ROOT, seedsDir: dir })).rejects.toThrow(
      'bundled corpus: 000_b80d3aa3a014407e.txt: cannot read',
    );
  });
});
