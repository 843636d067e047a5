// npm start (until the demo news site arrives with the highlights): after the build,
// annotate the three seed articles from ../shared/seeds, print what was found and write
// each article's W3C Web Annotation JSON-LD under out/annotations/.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { annotate } from '../core/annotate';
import { toTable } from '../core/export/table';
import { toWebAnnotation } from '../core/export/web-annotation';
import type { Annotation } from '../core/types';

const SEEDS_DIR = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const OUT = 'out/annotations';

/** The seed articles and what the corpus issue records about them. */
const SEEDS = [
  { file: '000_b80d3aa3a014407e.txt', outlet: 'CBC News (AP copy)', published: '2012-03-12' },
  { file: '001_8197e9eca9f9e2dc.txt', outlet: 'Voice of America', published: '2012-03-12' },
  { file: '002_377b34821ee142f4.txt', outlet: 'RT', published: '2011-09-20' },
];

function summary(anns: Annotation[]): string {
  const count = (kind: Annotation['kind']) => anns.filter((a) => a.kind === kind).length;
  const people = new Map<string, number>();
  for (const a of anns) if (a.kind === 'actor' && a.actorId) people.set(a.label, (people.get(a.label) ?? 0) + 1);
  const top = [...people].sort((x, y) => y[1] - x[1]).slice(0, 6).map(([name, n]) => `${name} (${n})`).join(', ');
  return `${count('actor')} actor mentions, ${count('figure')} figures, ${count('quote')} quotes; most named: ${top}`;
}

if (!existsSync(SEEDS_DIR)) {
  console.error(`npm start: the seed articles are read from ${SEEDS_DIR}, which is missing.\nPut the shared/ folder beside this repository, or annotate any article with: npm run annotate -- FILE`);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
for (const seed of SEEDS) {
  const path = `${SEEDS_DIR}${seed.file}`;
  const text = readFileSync(path, 'utf8');
  const anns = annotate(text, { published: seed.published });
  const out = `${OUT}/${seed.file.replace(/\.txt$/, '.jsonld')}`;
  writeFileSync(out, `${JSON.stringify(toWebAnnotation(text, anns, { source: pathToFileURL(path).href, now: new Date(), label: `${seed.outlet}, ${seed.published}` }), null, 2)}\n`);
  console.log(`\n== ${seed.outlet}, ${seed.published}: ${summary(anns)}\n   JSON-LD: ${out}\n`);
  console.log(toTable(anns).split('\n').slice(0, 14).join('\n'));
  console.log(`   … ${Math.max(0, anns.length - 12)} more rows: npm run annotate -- ${path} --format table`);
}
console.log(`\nThe built extension is in dist/chrome and dist/firefox (see the README to load it).`);
