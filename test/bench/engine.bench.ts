// npm run bench: engine throughput on about 1 MB of news text, next to two lower bounds
// measured in the same run: one pass of a single precompiled RegExp built from every
// alias in the dictionary, and one pass of a token trie of the aliases (both find actors
// only). Writes out/bench.json.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { extractArticle } from '../../src/cli/html-text';
import { HAVE_PAGES, PAGES, SEEDS } from '../fixtures/paths';

// Measure the engine as it ships: bundled by esbuild like the extension's scripts
// (running the TypeScript through tsx adds module-getter overhead the bundle lacks).
mkdirSync('out', { recursive: true });
await build({
  entryPoints: ['test/bench/engine-entry.ts'],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  outfile: 'out/bench-engine.mjs',
  logLevel: 'error',
});
const { annotate, defaultDictionary } = (await import(
  pathToFileURL('out/bench-engine.mjs').href
)) as typeof import('./engine-entry');

const TARGET = 1_000_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

function newsText(): { text: string; source: string } {
  const parts: string[] = [];
  for (const f of readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort())
    parts.push(readFileSync(`${SEEDS}${f}`, 'utf8'));
  if (HAVE_PAGES)
    for (const f of readdirSync(PAGES)
      .filter((f) => f.endsWith('.html'))
      .sort())
      parts.push(extractArticle(readFileSync(`${PAGES}${f}`, 'utf8')).text);
  const one = parts.join('\n\n');
  return {
    text: one.repeat(Math.ceil(TARGET / one.length)).slice(0, TARGET),
    source: `${parts.length} articles (the seeds${HAVE_PAGES ? ' and ../shared/pages' : ''}), repeated`,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** Median times of `a` and `b`, run alternately so both see the same machine conditions. */
function timeBoth(a: () => number, b: () => number): [{ ms: number; result: number }, { ms: number; result: number }] {
  const times: [number[], number[]] = [[], []];
  const results = [0, 0];
  for (let i = 0; i < RUNS; i++) {
    [a, b].forEach((fn, k) => {
      const t0 = performance.now();
      results[k] = fn();
      times[k]!.push(performance.now() - t0);
    });
  }
  return [
    { ms: median(times[0]), result: results[0]! },
    { ms: median(times[1]), result: results[1]! },
  ];
}

const { text, source } = newsText();
const dict = defaultDictionary();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const aliases = [...new Set(dict.surfaces)].sort((a, b) => b.length - a.length);
const baselineRe = new RegExp(`(?<![\\p{L}\\p{N}])(?:${aliases.map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
const mb = text.length / 1e6;

/**
 * The floor the issue names: one pass over the text, each word looked up in a trie of the
 * aliases' words (lower-cased), longest match kept. It finds actors only, and resolves nothing.
 */
interface TrieNode {
  next: Map<string, TrieNode>;
  end: boolean;
}
const newNode = (): TrieNode => ({ next: new Map(), end: false });
const trie = newNode();
for (const alias of aliases) {
  let node = trie;
  for (const word of alias.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    let child = node.next.get(word);
    if (!child) node.next.set(word, (child = newNode()));
    node = child;
  }
  node.end = true;
}
function trieMatches(input: string): number {
  const words = input.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  let found = 0;
  for (let i = 0; i < words.length; i++) {
    let node = trie.next.get(words[i]!);
    let longest = 0;
    for (let j = i + 1; node; j++) {
      if (node.end) longest = j - i;
      node = j < words.length ? node.next.get(words[j]!) : undefined;
    }
    if (longest) {
      found++;
      i += longest - 1;
    }
  }
  return found;
}

annotate(text.slice(0, 50_000)); // warm up the JIT and the dictionary
trieMatches(text.slice(0, 50_000));
const [baseline, engine] = timeBoth(
  () => (text.match(baselineRe) ?? []).length,
  () => annotate(text).length,
);
const [floor, engineAgain] = timeBoth(
  () => trieMatches(text),
  () => annotate(text).length,
);

const results = {
  'engine throughput': {
    value: +(mb / (engine.ms / 1000)).toFixed(2),
    unit: 'MB/s',
    baseline: +(mb / (baseline.ms / 1000)).toFixed(2),
    ratio: +(baseline.ms / engine.ms).toFixed(2),
  },
  'engine throughput against one token-trie pass': {
    value: +(mb / (engineAgain.ms / 1000)).toFixed(2),
    unit: 'MB/s',
    baseline: +(mb / (floor.ms / 1000)).toFixed(2),
    ratio: +(floor.ms / engineAgain.ms).toFixed(2),
  },
  'engine time per MB': {
    value: +(engine.ms / mb).toFixed(1),
    unit: 'ms',
    baseline: +(baseline.ms / mb).toFixed(1),
    ratio: +(engine.ms / baseline.ms).toFixed(2),
  },
};
console.log(`text: ${text.length.toLocaleString()} characters (${source})`);
console.log(
  `baseline: one RegExp of ${aliases.length.toLocaleString()} aliases, ${baseline.result.toLocaleString()} matches, ${baseline.ms.toFixed(0)} ms (median of ${RUNS})`,
);
console.log(
  `engine:   actors, figures and quotes, ${engine.result.toLocaleString()} annotations, ${engine.ms.toFixed(0)} ms (median of ${RUNS})`,
);
console.log(
  `floor:    one token-trie pass, ${floor.result.toLocaleString()} matches, ${floor.ms.toFixed(0)} ms (median of ${RUNS})`,
);
console.log(
  `engine throughput ${results['engine throughput'].value} MB/s vs baseline ${results['engine throughput'].baseline} MB/s: ${results['engine throughput'].ratio}x the baseline's speed`,
);
writeFileSync('out/bench.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('wrote out/bench.json');
