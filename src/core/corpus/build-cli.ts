// Node entry of the corpus build: reads the seed articles and seeds.json from a folder and
// builds the bundled corpus. build.mjs (through scripts/corpus-step.mjs) bundles this file
// and calls corpusFromDir; `tsx src/core/corpus/build-cli.ts [DIR]` prints the JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildBundledCorpus } from './bundled';
import { outletProfiles } from './outlets';
import { parseSeedList } from './seed-list';
import type { BundledCorpus } from './types';

/** Build the bundled corpus from `dir`/seeds.json and the text files it names. */
export function corpusFromDir(dir: string): BundledCorpus {
  const listPath = join(dir, 'seeds.json');
  let list: unknown;
  try {
    list = JSON.parse(readFileSync(listPath, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${listPath}: ${error instanceof Error ? error.message : error}`);
  }
  const seeds = parseSeedList(list, listPath).map(({ file, meta }) => {
    const path = join(dir, file);
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch {
      throw new Error(`bundled corpus: ${file}: cannot read ${path}`);
    }
    return { raw, meta, name: file };
  });
  return buildBundledCorpus(seeds, outletProfiles());
}

// Run directly (not when bundled and imported by the build): print the corpus as JSON.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('./seeds/', import.meta.url));
  process.stdout.write(`${JSON.stringify(corpusFromDir(dir))}\n`);
}
