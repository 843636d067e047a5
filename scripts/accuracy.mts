// npm run accuracy [-- --details] [-- --record]
// Scores the engine on ../shared/eval (test/core/eval-set.ts) and prints the table by language
// and kind; --details lists each article's misses, --record adds the scores to the history in
// docs/accuracy.md. The texts stay in ../shared: only scores are printed or written.
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { defaultDictionary } from '../src/core/actors/load';
import { HAVE_EVAL, scoreEvalSet } from '../test/core/eval-set';
import { EVAL } from '../test/fixtures/paths';

if (!HAVE_EVAL) {
  console.error(`No evaluation set at ${EVAL}: lay ../shared beside the repository, or set CROSSWIRE_SHARED.`);
  process.exit(1);
}
const dict = defaultDictionary();
const { scores, set } = scoreEvalSet(dict);
const p = (n: number) => n.toFixed(3);

if (process.argv.includes('--details'))
  for (const s of scores) {
    console.log(`\n${s.id} (${s.language}): actors ${s.actors.truePositives}/${s.actors.gold}, ours ${s.actors.ours}`);
    if (s.actors.missed.length) console.log(`  missed: ${s.actors.missed.join('; ')}`);
    if (s.actors.extra.length) console.log(`  extra: ${s.actors.extra.join('; ')}`);
    for (const f of s.figures.checked.filter((x) => !x.ok))
      console.log(
        `  figure "${f.gold.surface}" want ${f.gold.value ?? `${f.gold.low}-${f.gold.high}`}; got ${f.ours ? `"${f.ours.text}" ${f.ours.value ?? `${f.ours.low}-${f.ours.high}`}` : 'none'}`,
      );
    for (const f of s.figures.spurious) console.log(`  not a figure: "${f.text}" (${f.counts})`);
    for (const q of s.quotes.checked.filter((x) => !x.ok))
      console.log(
        `  quote "${q.gold.text.slice(0, 40)}…" by ${q.gold.speaker}: ${q.ours ? `ours ${q.ours.speaker ?? 'unknown'}` : 'not found'}`,
      );
    for (const q of s.quotes.spurious) console.log(`  not a quote: "${q.text.slice(0, 40)}"`);
  }

const rows = Object.entries(set.actors).map(
  ([lang, a]) => `| ${lang} | ${p(a.precision)} | ${p(a.recall)} | ${a.truePositives} / ${a.ours} / ${a.gold} |`,
);
console.log('\n| language | precision | recall | right / ours / gold |\n| --- | --- | --- | --- |');
console.log(rows.join('\n'));
console.log(
  `\nfigures: right value ${set.figures.right}/${set.figures.total} (${p(set.figures.share)}); ` +
    `most non-figures in a non-diplomacy article: ${set.figures.worstTrapArticle}`,
);
console.log(`quote speakers: ${set.speakers.right}/${set.speakers.total} (${p(set.speakers.share)})`);
console.log(`wire copies labelled syndicated: ${set.wire.recognised}/${set.wire.total} (${p(set.wire.share)})`);
console.log(`different events labelled "same event": ${set.wrongSameEvent.length} ${set.wrongSameEvent.join(' ')}`);

if (process.argv.includes('--record')) {
  const doc = new URL('../docs/accuracy.md', import.meta.url);
  const commit = execSync('git rev-parse --short HEAD').toString().trim();
  const date = new Date().toISOString().slice(0, 10);
  const lang = (l: string) => (set.actors[l] ? `${p(set.actors[l].precision)} / ${p(set.actors[l].recall)}` : 'n/a');
  const line =
    `| ${date} | ${commit} | ${lang('all')} | ${lang('en')} | ${lang('fr')} | ${lang('ru')} | ${lang('ar')} | ` +
    `${set.figures.right}/${set.figures.total} | ${set.figures.worstTrapArticle} | ${set.speakers.right}/${set.speakers.total} | ` +
    `${set.wire.recognised}/${set.wire.total} | ${set.wrongSameEvent.length} |`;
  const text = readFileSync(doc, 'utf8');
  const marker = '<!-- history: newest last -->';
  if (!text.includes(marker)) throw new Error(`docs/accuracy.md has no "${marker}" line to add the run under`);
  writeFileSync(doc, text.replace(/(<!-- history: newest last -->\n(?:.*\n)*?)(\n|$)/, `$1${line}\n$2`));
  console.log(`recorded: ${line}`);
}
